using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Tahseen.Baseline.V1;
using Tahseen.Contracts.V1;
using Tahseen.Infrastructure.Security;
using Tahseen.LoadTest;

// dotnet run -c Release --project benchmarks/Tahseen.LoadTest -- --duration 10
// The `dotnet run` builds this project and, through its project references, the baseline host and the
// service in the same configuration; the run then starts both as child processes (README "Performance").
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var (repository, configuration) = Layout.Find();
var run = new LoadRun(options, repository, configuration);
return await run.RunAsync();

/// <summary>Where the hosts' build outputs are: beside this one's, in the same configuration and framework.</summary>
internal static class Layout
{
    public static (string Repository, string Configuration) Find()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tahseen.Grpc.sln")))
        {
            root = root.Parent;
        }

        return (root?.FullName ?? throw new InvalidOperationException("Tahseen.Grpc.sln not found above the load test's output."), output.Parent!.Name);
    }
}

/// <summary>One run: the hosts, the people, the seed, the scenarios in order, the report.</summary>
internal sealed class LoadRun(LoadOptions options, string repository, string configuration)
{
    private const string Framework = "net10.0";
    private readonly Dictionary<string, Measurement> _results = new(StringComparer.Ordinal);
    private readonly List<Measurement> _order = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, string> _serviceEnvironment = new(StringComparer.Ordinal);
    private LoadRunner _runner = null!;
    private List<Person> _citizens = [];
    private Person _staff = null!;
    private string _categoryId = string.Empty;
    private int _httpPort;

    public async Task<int> RunAsync()
    {
        _runner = new LoadRunner(options.Warmup, options.Duration);
        var started = DateTimeOffset.UtcNow;
        var hashMs = PasswordHashMilliseconds();
        var loginTarget = 0.8 * Environment.ProcessorCount / (hashMs / 1000);
        Console.Error.WriteLine($"load test: one password hash (the service's hasher) {hashMs:0.0} ms; login target {loginTarget:0}/s on {Environment.ProcessorCount} cores");

        // The baseline host stays up (idle) for the whole run and is measured first and last: on a shared
        // machine the rate moves during a run, and the ratios divide by the mean of the two.
        await using var baselineHost = await ChildHost.StartAsync("baseline", HostAssembly("benchmarks", "Tahseen.Baseline"), new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0",
        });
        using var baseline = new Connections(baselineHost.Address, options.Connections);
        await baseline.ConnectAsync();
        Task<Measurement> MeasureBaseline(Scenario scenario) => _runner.ClosedAsync(scenario.Name, options.Concurrency,
            (w, ct) => baseline.Baseline[w % options.Connections].EmptyAsync(new EmptyRequest(), cancellationToken: ct).ResponseAsync);
        await MeasureAsync(Scenario.Baseline, always: true, () => MeasureBaseline(Scenario.Baseline));

        await using var database = await LoadDatabase.CreateAsync(options.IsPostgreSql, repository);
        Console.Error.WriteLine($"load test: the service on {database.Description}");
        ConfigureService(database);
        var service = await StartServiceAsync();
        var api = new Connections(service.Address, options.Connections);
        try
        {
            await PrepareAsync(api);
            (service, api) = await SeedAsync(database, service, api, options.SmallSeed, openPerCitizen: 20);
            await RunSmallAsync(api);
            if (options.Large && All.Any(s => s.NeedsLargeSeed && options.Runs(s)))
            {
                (service, api) = await SeedAsync(database, service, api, options.LargeSeed, openPerCitizen: 0);
                await RunLargeAsync(api);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"load test: failed: {exception}");
            Console.Error.WriteLine($"service output:{Environment.NewLine}{service.Output}");
            return 1;
        }
        finally
        {
            api.Dispose();
            await service.DisposeAsync();
        }

        await MeasureAsync(Scenario.BaselineEnd, always: true, () => MeasureBaseline(Scenario.BaselineEnd));
        var baselineRate = (_results[Scenario.Baseline.Name].RequestsPerSecond + _results[Scenario.BaselineEnd.Name].RequestsPerSecond) / 2;
        var report = new RunReport(started, Machine(), Environment.ProcessorCount, options.IsPostgreSql ? "PostgreSQL" : "SQLite",
            options.SmallSeed, options.Large ? options.LargeSeed : null, options.Connections, options.Concurrency,
            options.Duration.TotalSeconds, options.Warmup.TotalSeconds, hashMs, loginTarget, baselineRate,
            [.. _order.Select(m => Targets.Judge(m, m.Scenario == Scenario.Baseline.Name || m.Scenario == Scenario.BaselineEnd.Name ? null : baselineRate, loginTarget, _results, options.Smoke))],
            _notes);
        Console.WriteLine(report.ToMarkdown());
        if (options.JsonFile is { } file)
        {
            await File.WriteAllTextAsync(file, report.ToJson());
        }

        if (options.Smoke)
        {
            var silent = report.Rows.Count(r => r.Measurement.Succeeded == 0);
            Console.WriteLine($"load test smoke: {_order.Count} scenarios, {report.Errors} errors" + (silent > 0 ? $", {silent} without an answered call" : string.Empty));
            return report.Failed == 0 ? 0 : 1;
        }

        // Figures are reported whether or not they meet their targets; a non-OK status fails the run.
        return report.Errors == 0 ? 0 : 1;
    }

    private static IReadOnlyList<Scenario> All => Scenario.All;

    private Person Citizen(int worker) => _citizens[worker % _citizens.Count];

    private static string RandomTicketOf(Person citizen) => citizen.TicketIds[Random.Shared.Next(citizen.TicketIds.Count)];

    /// <summary>Citizens and a staff member signed in through the API; one ticket each through SubmitTicket, the bulk seed's templates.</summary>
    private async Task PrepareAsync(Connections api)
    {
        var clock = Stopwatch.StartNew();
        _citizens = await People.RegisterCitizensAsync(api, options.Citizens);
        _staff = await People.SignInStaffAsync(api);
        _categoryId = (await api.Tickets[0].ListCategoriesAsync(new ListCategoriesRequest(), _citizens[0].Session)).Categories[0].CategoryId;
        foreach (var citizen in _citizens)
        {
            var ticket = (await api.Tickets[0].SubmitTicketAsync(NewTicket(), citizen.Session)).Ticket;
            citizen.TicketIds.Add(ticket.TicketId);
            citizen.TicketCount = 1;
        }

        Console.Error.WriteLine($"load test: {_citizens.Count} citizens registered and signed in, one ticket each ({clock.Elapsed.TotalSeconds:0.0}s)");
    }

    /// <summary>Stops the service, seeds up to <paramref name="target"/> tickets, starts it again and refreshes every session.</summary>
    private async Task<(ChildHost, Connections)> SeedAsync(LoadDatabase database, ChildHost service, Connections api, long target, int openPerCitizen)
    {
        api.Dispose();
        await service.DisposeAsync();
        var templates = _citizens.ToDictionary(c => c, c => c.TicketIds[0]);
        var (added, time) = await new BulkSeed(database).TopUpAsync(_citizens, templates, target, openPerCitizen, DateTime.UtcNow);
        Console.Error.WriteLine($"load test: seeded {added:N0} tickets in {time.TotalSeconds:0.0}s ({added / Math.Max(time.TotalSeconds, 0.001):N0} rows/s)");
        service = await StartServiceAsync();
        api = new Connections(service.Address, options.Connections);
        await api.ConnectAsync();
        foreach (var person in _citizens.Append(_staff))
        {
            await People.RefreshAsync(api, person);
        }

        return (service, api);
    }

    private async Task RunSmallAsync(Connections api)
    {
        await MeasureAsync(Scenario.PasswordPolicy, always: false, () => _runner.ClosedAsync(Scenario.PasswordPolicy.Name, options.Concurrency,
            (w, ct) => api.Identity[w % options.Connections].GetPasswordPolicyAsync(new GetPasswordPolicyRequest(), cancellationToken: ct).ResponseAsync));
        await MeasureAsync(Scenario.GetTicket, always: false, () => _runner.ClosedAsync(Scenario.GetTicket.Name, options.Concurrency, (w, ct) => GetTicketAsync(api, w, ct)));
        await MeasureAsync(Scenario.ListMyTickets, always: false, () => _runner.ClosedAsync(Scenario.ListMyTickets.Name, options.Concurrency, (w, ct) => ListMyTicketsAsync(api, w, ct)));
        await MeasureAsync(Scenario.StaffListTickets, always: false, () => _runner.ClosedAsync(Scenario.StaffListTickets.Name, options.Concurrency,
            (w, ct) => api.Staff[w % options.Connections].ListTicketsAsync(
                new ListTicketsRequest { PageSize = 20, Status = TicketStatus.Submitted, Type = TicketType.Complaint }, _staff.Session, cancellationToken: ct).ResponseAsync));
        await MeasureAsync(Scenario.Statistics, always: false, () => _runner.SequentialAsync(Scenario.Statistics.Name, (w, ct) => StatisticsAsync(api, w, ct)));
        await MeasureAsync(Scenario.SubmitTicket, always: false, () => _runner.ClosedAsync(Scenario.SubmitTicket.Name, options.Concurrency, (w, ct) => SubmitAsync(api, w, ct)));

        // Each sign-in owns its account until VerifyLogin (its code is the newest SMS to that mobile), so at
        // most one caller per citizen; and no more than four per core, as a hash-bound path gains nothing from
        // more calls in flight than the cores can hash, only a queue that leaves the window empty.
        var signInCallers = Math.Min(Math.Min(options.Concurrency, _citizens.Count), 4 * Environment.ProcessorCount);
        var signIns = Channel.CreateUnbounded<Person>();
        foreach (var citizen in _citizens)
        {
            signIns.Writer.TryWrite(citizen);
        }

        People.SignInBreakdown();
        await MeasureAsync(Scenario.Login, always: false, () => _runner.ClosedAsync(Scenario.Login.Name, signInCallers,
            (w, ct) => SignInAsync(api, signIns, w, ct)));
        if (options.Runs(Scenario.Login))
        {
            _notes.Add($"login: {signInCallers} sign-ins in flight (each on its own citizen); {People.SignInBreakdown()}.");
        }

        // In the mixed load the sign-ins use a quarter of the citizens of their own, so that a new session
        // never replaces one that a read of the same citizen is using.
        var readers = _citizens.Count - Math.Max(1, _citizens.Count / 4);
        var mixedSignIns = Channel.CreateUnbounded<Person>();
        foreach (var citizen in _citizens.Skip(readers))
        {
            mixedSignIns.Writer.TryWrite(citizen);
        }

        await MeasureAsync(Scenario.Mixed, always: false, () => _runner.ClosedAsync(Scenario.Mixed.Name, options.Concurrency, (w, ct) =>
        {
            var reader = w % readers;
            var dice = Random.Shared.NextDouble();
            return dice switch
            {
                < 0.35 => (Task)GetTicketAsync(api, reader, ct),
                < 0.70 => ListMyTicketsAsync(api, reader, ct),
                < 0.95 => SubmitAsync(api, reader, ct),
                _ => SignInAsync(api, mixedSignIns, w, ct),
            };
        }));

        if (_results.TryGetValue(Scenario.GetTicket.Name, out var getTicket) && getTicket.RequestsPerSecond > 0)
        {
            await MeasureAsync(Scenario.GetTicketHalf, always: false, () => _runner.FixedRateAsync(Scenario.GetTicketHalf.Name, getTicket.RequestsPerSecond / 2,
                (w, ct) => GetTicketAsync(api, w, ct)));
        }

        if (_results.TryGetValue(Scenario.SubmitTicket.Name, out var submit) && submit.RequestsPerSecond > 0)
        {
            await MeasureAsync(Scenario.SubmitTicketHalf, always: false, () => _runner.FixedRateAsync(Scenario.SubmitTicketHalf.Name, submit.RequestsPerSecond / 2,
                (w, ct) => SubmitAsync(api, w, ct)));
        }
    }

    private async Task RunLargeAsync(Connections api)
    {
        await MeasureAsync(Scenario.GetTicketLarge, always: false, () => _runner.ClosedAsync(Scenario.GetTicketLarge.Name, options.Concurrency, (w, ct) => GetTicketAsync(api, w, ct)));
        await MeasureAsync(Scenario.StatisticsLarge, always: false, () => _runner.SequentialAsync(Scenario.StatisticsLarge.Name, (w, ct) => StatisticsAsync(api, w, ct)));
    }

    private async Task MeasureAsync(Scenario scenario, bool always, Func<Task<Measurement>> measure)
    {
        if (!always && !options.Runs(scenario))
        {
            return;
        }

        var measurement = await measure();
        _results[scenario.Name] = measurement;
        _order.Add(measurement);
        Console.Error.WriteLine($"{scenario.Name,-22} {measurement.RequestsPerSecond,9:N0}/s  p50 {measurement.P50Ms:0.00} ms  p99 {measurement.P99Ms:0.00} ms  {measurement.Errors} errors");
    }

    private Task<GetTicketResponse> GetTicketAsync(Connections api, int worker, CancellationToken ct)
    {
        var citizen = Citizen(worker);
        return api.Tickets[worker % options.Connections].GetTicketAsync(new GetTicketRequest { TicketId = RandomTicketOf(citizen) }, citizen.Session, cancellationToken: ct).ResponseAsync;
    }

    private Task<ListMyTicketsResponse> ListMyTicketsAsync(Connections api, int worker, CancellationToken ct) =>
        api.Tickets[worker % options.Connections].ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = 20 }, Citizen(worker).Session, cancellationToken: ct).ResponseAsync;

    private Task<SubmitTicketResponse> SubmitAsync(Connections api, int worker, CancellationToken ct) =>
        api.Tickets[worker % options.Connections].SubmitTicketAsync(NewTicket(), Citizen(worker).Session, cancellationToken: ct).ResponseAsync;

    private Task<GetTicketStatisticsResponse> StatisticsAsync(Connections api, int worker, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        return api.Staff[worker % options.Connections].GetTicketStatisticsAsync(new GetTicketStatisticsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(now.AddDays(-365)),
            EndTime = Timestamp.FromDateTimeOffset(now.AddDays(1)),
        }, _staff.Session, cancellationToken: ct).ResponseAsync;
    }

    private static async Task SignInAsync(Connections api, Channel<Person> accounts, int worker, CancellationToken ct)
    {
        var person = await accounts.Reader.ReadAsync(ct);
        try
        {
            await People.SignInAsync(api, worker, person, ct);
        }
        finally
        {
            accounts.Writer.TryWrite(person);
        }
    }

    private SubmitTicketRequest NewTicket()
    {
        // Different words each time, so that the duplicate check compares real text rather than one subject.
        var words = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        return new SubmitTicketRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = TicketType.Inquiry,
            CategoryId = _categoryId,
            Subject = $"Load test inquiry {words}",
            Description = $"A question sent by the load test about service {words[..4]} and office {words[4..]}.",
        };
    }

    private void ConfigureService(LoadDatabase database)
    {
        _httpPort = ChildHost.FreeLoopbackPort();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Development: the sandbox (SMS sender, captcha answers, sample registry) and migrations at start.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{_httpPort}",
            ["Security__SigningKeys__0__Id"] = "load",
            ["Security__SigningKeys__0__Key"] = NewSigningKey(),
            ["Security__HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["RateLimits__AnonymousPerMinute"] = "0",
            ["RateLimits__AccountPerMinute"] = "0",
            ["Tickets__MaxOpenPerAccount"] = "1000",
            ["Tickets__MaxPerDay"] = "1000",
            ["OneTimeCodes__MaxPerHour"] = "100",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (name, value) in database.ServerEnvironment)
        {
            settings[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            _serviceEnvironment[name] = value;
        }
    }

    private async Task<ChildHost> StartServiceAsync()
    {
        var service = await ChildHost.StartAsync("service", HostAssembly("src", "Tahseen.Grpc"), _serviceEnvironment, ignoredPort: _httpPort);
        using var probe = new Connections(service.Address, 1);
        await probe.Identity[0].GetPasswordPolicyAsync(new GetPasswordPolicyRequest());
        return service;
    }

    private string HostAssembly(string folder, string project)
    {
        var dll = Path.Combine(repository, folder, project, "bin", configuration, Framework, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build with `dotnet build -c {configuration} benchmarks/Tahseen.LoadTest` (it builds both hosts).", dll);
    }

    /// <summary>The time of one password check with the service's own hasher (what Login pays), the median of 15 after a warm-up.</summary>
    private static double PasswordHashMilliseconds()
    {
        var hasher = new AspNetPasswordHasher();
        var hash = hasher.Hash(People.CitizenPassword);
        hasher.Verify(hash, People.CitizenPassword);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hasher.Verify(hash, People.CitizenPassword);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static string NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static string Machine()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores, {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
