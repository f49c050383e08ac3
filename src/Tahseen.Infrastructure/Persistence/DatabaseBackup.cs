using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>
/// An online, consistent copy of the SQLite database: <c>VACUUM INTO</c> reads one snapshot (WAL
/// lets writers go on meanwhile) and writes a compact, self-contained file. Every transaction
/// committed before the copy started is in it; nothing half-written is.
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupToAsync(this IServiceProvider services, string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);

        // The copy comes out in rollback-journal mode; put it in WAL as the service runs it, so it can
        // be put in place as it is (a read-only first open, as EF Core's existence check does, cannot switch it).
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);
        await using var walMode = copy.CreateCommand();
        walMode.CommandText = "PRAGMA journal_mode = WAL;";
        await walMode.ExecuteNonQueryAsync(cancellationToken);
    }
}
