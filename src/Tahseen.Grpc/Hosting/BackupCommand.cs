using Microsoft.Data.Sqlite;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Hosting;

/// <summary><c>backup --to FILE</c>: a consistent copy of the configured SQLite database, taken while the service serves.</summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, HostCommand command, TextWriter output)
    {
        var provider = DatabaseProviders.Parse(services.GetRequiredService<IConfiguration>()[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"]);
        if (provider != DatabaseProvider.Sqlite)
        {
            // A server database is backed up by the server's own tools, which also keep its point-in-time log.
            await output.WriteLineAsync("backup copies the SQLite database; on PostgreSQL use pg_dump (or the managed service's backups)");
            return 2;
        }

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
