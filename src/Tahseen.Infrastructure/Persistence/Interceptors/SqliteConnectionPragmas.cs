using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tahseen.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets every SQLite connection up for durability and concurrency: write-ahead logging with
/// synchronous=NORMAL survives a killed process (a committed transaction is in the WAL before the
/// call returns), foreign keys are enforced, a writer waits for a busy database instead of failing, and
/// deleted or overwritten content is zeroed in the file (secure_delete), so that personal data an
/// erasure destroyed does not linger in free space.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
