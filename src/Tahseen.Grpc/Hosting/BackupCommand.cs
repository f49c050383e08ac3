using Microsoft.Data.Sqlite;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Hosting;

/// <summary><c>backup --to FILE</c>: a consistent copy of the configured SQLite database, taken while the service serves.</summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, HostCommand command, TextWriter output)
    {
        var target = command.Option("--to");
        if (target is null)
        {
            await output.WriteLineAsync("usage: backup --to <file>");
            return 2;
        }

        try
        {
            await services.BackupToAsync(target);
        }
        catch (Exception exception) when (exception is IOException or SqliteException)
        {
            await output.WriteLineAsync($"backup failed: {exception.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Backup written to {Path.GetFullPath(target)}");
        return 0;
    }
}
