using System.Globalization;

namespace Tahseen.LoadTest;

/// <summary>The command line: <c>--duration 10 --warmup 3 --connections 16 --concurrency 128 --scenarios a,b --large --json FILE --provider Sqlite|PostgreSQL --smoke</c>.</summary>
internal sealed class LoadOptions
{
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    public int Connections { get; private set; } = 16;

    public int Concurrency { get; private set; } = 128;

    /// <summary>Citizens registered through the API; each may file 1000 tickets a day and receive 100 codes an hour.</summary>
    public int Citizens { get; private set; } = 64;

    /// <summary>Tickets in the database for the "10k" scenarios (the bulk seed tops the API's templates up to this).</summary>
    public int SmallSeed { get; private set; } = 10_000;

    public int LargeSeed { get; private set; } = 1_000_000;

    public bool Large { get; private set; }

    public bool Smoke { get; private set; }

    public string Provider { get; private set; } = "Sqlite";

    public string? JsonFile { get; private set; }

    /// <summary>Null for every scenario.</summary>
    public IReadOnlySet<string>? Scenarios { get; private set; }

    public bool IsPostgreSql => string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static string Usage => """
        Tahseen load test: starts the baseline host and the service (Release builds), seeds tickets in bulk, and
        measures each scenario against the baseline's rate from the same run.

          --duration SECONDS     measured window per scenario (default 10)
          --warmup SECONDS       warm-up before each window (default 3)
          --connections N        HTTP/2 connections to each host (default 16)
          --concurrency N        calls in flight (default 128)
          --citizens N           citizens registered through the API (default 64)
          --tickets N            tickets in the database for the 10k scenarios (default 10000)
          --large                also seed up to 1,000,000 tickets and run the 1M scenarios
          --large-tickets N      the size of the large seed (default 1000000)
          --scenarios a,b,c      only these scenarios (default all; see the list below)
          --provider NAME        Sqlite (default) or PostgreSQL (TAHSEEN_TEST_POSTGRES, or scripts/postgres-test-cluster)
          --json FILE            also write the results as JSON
          --smoke                a CI smoke run: exit code 1 on any non-OK status or a scenario without an answered call;
                         targets are not judged; 8 citizens, 2000 tickets, 32 calls in flight on 4 connections

        Scenarios:
        """ + string.Join(Environment.NewLine, Scenario.All.Select(s => $"  {s.Name,-22} {s.Description}"));

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var given = args.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture));

            switch (args[i])
            {
                case "--duration": options.Duration = Seconds(); break;
                case "--warmup": options.Warmup = Seconds(); break;
                case "--connections": options.Connections = Math.Max(1, Number()); break;
                case "--concurrency": options.Concurrency = Math.Max(1, Number()); break;
                case "--citizens": options.Citizens = Math.Max(2, Number()); break;
                case "--tickets": options.SmallSeed = Math.Max(1, Number()); break;
                case "--large-tickets": options.LargeSeed = Math.Max(1, Number()); break;
                case "--large": options.Large = true; break;
                case "--smoke": options.Smoke = true; break;
                case "--provider": options.Provider = Value(); break;
                case "--json": options.JsonFile = Value(); break;
                case "--scenarios":
                    var names = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    var unknown = names.Where(n => Scenario.All.All(s => s.Name != n)).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}.");
                    }

                    options.Scenarios = names;
                    break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        if (options.Smoke)
        {
            // A smoke run checks that every scenario answers without an error, not how fast: fewer people,
            // fewer tickets and fewer calls in flight keep it short, unless the command line says otherwise.
            options.Citizens = given.Contains("--citizens") ? options.Citizens : 8;
            options.SmallSeed = given.Contains("--tickets") ? options.SmallSeed : 2_000;
            options.Concurrency = given.Contains("--concurrency") ? options.Concurrency : 32;
            options.Connections = given.Contains("--connections") ? options.Connections : 4;
        }

        if (!options.IsPostgreSql && !string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--provider is Sqlite or PostgreSQL, not {options.Provider}.");
        }

        return options;
    }

    public bool Runs(Scenario scenario) =>
        (Scenarios is null || Scenarios.Contains(scenario.Name)) && (Large || !scenario.NeedsLargeSeed);
}
