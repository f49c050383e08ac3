using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Tahseen.LoadTest;

/// <summary>
/// A host (the baseline or the service) as a child process of the load test, on a loopback port the
/// system picks: its address is read from the "Now listening on" line that Microsoft.Hosting.Lifetime
/// writes at Information (the only category the load test leaves above Warning).
/// </summary>
internal sealed partial class ChildHost : IAsyncDisposable
{
    /// <summary>The hosts still running, killed if the load test itself is stopped (Ctrl+C, SIGTERM) so none outlives it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Running = new();

    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))];

    private readonly Process _process;
    private readonly Queue<string> _lastLines;

    private ChildHost(string name, Process process, Uri address, Queue<string> lastLines)
    {
        Name = name;
        _process = process;
        Address = address;
        _lastLines = lastLines;
    }

    public string Name { get; }

    public Uri Address { get; }

    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> with <paramref name="environment"/> and waits for its gRPC address.</summary>
    /// <param name="ignoredPort">A port the host also listens on that is not its gRPC endpoint (the service's HTTP/1.1 edge).</param>
    public static async Task<ChildHost> StartAsync(string name, string assembly, IReadOnlyDictionary<string, string> environment, int? ignoredPort = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        GC.KeepAlive(Signals);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {name}.");
        Running[process.Id] = process;
        var lastLines = new Queue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler keep = (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (lastLines)
            {
                lastLines.Enqueue(line.Data);
                if (lastLines.Count > 50)
                {
                    lastLines.Dequeue();
                }
            }

            if (ListeningOn().Match(line.Data) is { Success: true } match && new Uri(match.Groups[1].Value).Port != ignoredPort)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"{name} exited with {process.ExitCode} before listening:{Environment.NewLine}{Tail(lastLines)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            return new ChildHost(name, process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(120)), lastLines);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Running.TryRemove(process.Id, out _);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The host's last output lines, for a failure to show.</summary>
    public string Output => Tail(_lastLines);

    /// <summary>SIGTERM and a graceful stop (the service finishes its outbox pass and closes the database); SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already ended.
            }
        }
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[\d.]+:\d+)")]
    private static partial Regex ListeningOn();
}
