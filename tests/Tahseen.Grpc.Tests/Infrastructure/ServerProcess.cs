using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Grpc.Net.Client;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// The real server as a separate operating-system process (the build output of src/Tahseen.Grpc) on a
/// given SQLite file and a loopback port the system picks, for tests that kill it. Keys are fixed per
/// instance so that a restarted process on the same file accepts the tokens of the first one.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<ServerProcess> StartAsync(string databasePath, string signingKey, string hashKey)
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
        start.Environment["ConnectionStrings__Tahseen"] = $"Data Source={databasePath}";
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0";
        start.Environment["Security__SigningKeys__0__Id"] = "t1";
        start.Environment["Security__SigningKeys__0__Key"] = signingKey;
        start.Environment["Security__HashKey"] = hashKey;
        start.Environment["RateLimits__AnonymousPerMinute"] = "0";
        start.Environment["RateLimits__AccountPerMinute"] = "0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ListeningOn().Match(line.Data) is { Success: true } match)
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
            return new ServerProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(90)));
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

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
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
