using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Grpc.Net.Client;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// The real server as a separate operating-system process (the build output of src/Tahseen.Grpc) on a
/// given database (an SQLite file or a PostgreSQL database) and a loopback port the system picks, for
/// tests that kill it or run several at once. Keys are fixed per instance so that a restarted process on
/// the same database, or a second replica beside it, accepts the tokens of the first one.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _waiters;

    private ServerProcess(Process process, Uri address, List<string> output, List<(string Fragment, TaskCompletionSource Seen)> waiters)
    {
        _process = process;
        _output = output;
        _waiters = waiters;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Every standard-output line so far, for a failing test to show.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<ServerProcess> StartAsync(
        TestDatabase database, string signingKey, string hashKey, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = ServerAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in database.ServerEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0";
        // The JSON endpoint too, or every process would want the default port 5081 at once.
        var httpPort = FreeLoopbackPort();
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Security__SigningKeys__0__Id"] = "t1";
        start.Environment["Security__SigningKeys__0__Key"] = signingKey;
        start.Environment["Security__HashKey"] = hashKey;
        start.Environment["RateLimits__AnonymousPerMinute"] = "0";
        start.Environment["RateLimits__AccountPerMinute"] = "0";
        // As in TahseenApiFactory: load and crash tests file more tickets per person than a day allows.
        start.Environment["Tickets__MaxOpenPerAccount"] = "1000";
        start.Environment["Tickets__MaxPerDay"] = "1000";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new List<string>();
        var waiters = new List<(string Fragment, TaskCompletionSource Seen)>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line.Data);
                foreach (var waiter in waiters.Where(w => line.Data.Contains(w.Fragment, StringComparison.Ordinal)).ToList())
                {
                    waiter.Seen.TrySetResult();
                    waiters.Remove(waiter);
                }
            }

            if (ListeningOn().Match(line.Data) is { Success: true } match && new Uri(match.Groups[1].Value).Port != httpPort)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The server exited with {process.ExitCode} before listening."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            return new ServerProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(90)), output, waiters);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no goodbye, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stopping the service: the host begins its graceful shutdown.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for a standard-output line containing <paramref name="fragment"/>.</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.Any(line => line.Contains(fragment, StringComparison.Ordinal)))
            {
                return;
            }

            _waiters.Add((fragment, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No output line with '{fragment}':{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>src/Tahseen.Grpc's build output in the same configuration as this test assembly.</summary>
    private static string ServerAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tahseen.Grpc.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Tahseen.Grpc.sln not found above the test output."),
            "src", "Tahseen.Grpc", "bin", configuration, framework, "Tahseen.Grpc.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Tahseen.Grpc first.", dll);
    }

    [GeneratedRegex(@"Now listening on: (http://[\d.]+:\d+)")]
    private static partial Regex ListeningOn();
}
