using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>See <see cref="ICommandLocks"/>: advisory locks on PostgreSQL, the single writer on SQLite.</summary>
internal sealed class CommandLocks(TahseenDbContext db) : ICommandLocks
{
    /// <summary>Advisory lock keys of command locks: this high word, then the lock's number.</summary>
    private const long KeySpace = 0x7461_6873_0000_0000;

    public async Task LockAsync(CommandLock name, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A command lock is taken inside the command's transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            var key = KeySpace + (long)name;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
    }
}
