using System.Diagnostics;
using System.Text;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// The built service run as a real process (<c>dotnet Tahseen.Grpc.dll</c>), started from a scratch
/// working directory, the way an operator runs the published DLL.
/// </summary>
public static class ServiceProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Tahseen.Grpc.dll");

    /// <summary>Runs a command (or a start-up expected to stop) to its end and returns the exit code and every output line.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunToEndAsync(
        IDictionary<string, string> environment, string[] args, string? standardInput = null)
    {
        using var process = Start(environment, args);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => AddLine(lines, e.Data);
        process.ErrorDataReceived += (_, e) => AddLine(lines, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Tahseen.Grpc.dll {string.Join(' ', args)} did not end:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }

        process.WaitForExit();
        lock (lines)
        {
            return (process.ExitCode, lines.ToList());
        }
    }

    public static Process Start(IDictionary<string, string> environment, string[] args)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("tahseen-cwd-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static void AddLine(List<string> lines, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
