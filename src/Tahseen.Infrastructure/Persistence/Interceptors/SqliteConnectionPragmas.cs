using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tahseen.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets every SQLite connection up for durability and concurrency: write-ahead logging with
/// synchronous=NORMAL survives a killed process (a committed transaction is in the WAL before the
/// call returns), foreign keys are enforced, a writer waits for a busy database instead of failing, and
/// deleted or overwritten content is zeroed in the file (secure_delete), so that personal data an
/// erasure destroyed does not linger in free space.
/// <para>
/// These settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open between
/// uses (journal_mode is even kept in the file): they are set once per native connection, not on every
/// open, which would cost each request five statements and a lock on the file.
/// </para>
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;";

    private static readonly object Set = new();

    /// <summary>The native connections already set up; an entry goes with its connection when the pool closes it.</summary>
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsPrepared(connection))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        MarkPrepared(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsPrepared(connection))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        MarkPrepared(connection);
    }

    private bool IsPrepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _prepared.TryGetValue(handle, out _);

    private void MarkPrepared(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _prepared.AddOrUpdate(handle, Set);
        }
    }
}
