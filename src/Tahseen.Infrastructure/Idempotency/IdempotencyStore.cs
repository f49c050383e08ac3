using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Idempotency;

/// <summary>
/// Claims a request id by inserting its row at once, inside the command's transaction, so that the
/// unique (account, request id) index decides between overlapping retries before either runs its
/// command. On SQLite the command's transaction already holds the only write lock, so the lookup
/// settles it; on a database with concurrent writers the loser's insert waits for the winner and fails
/// on the index (rolled back to its own savepoint), and the lookup after it finds the committed row.
/// </summary>
public sealed class IdempotencyStore(TahseenDbContext db) : IIdempotencyStore
{
    public async Task<IdempotentRequest?> ClaimAsync(IdempotentRequest claim, CancellationToken cancellationToken)
    {
        if (await FindAsync(claim, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        db.IdempotentRequests.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Only a claim committed by an overlapping transaction explains a failed insert; anything
            // else is a real failure of this command.
            db.Entry(claim).State = EntityState.Detached;
            if (await FindAsync(claim, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private Task<IdempotentRequest?> FindAsync(IdempotentRequest claim, CancellationToken cancellationToken) =>
        db.IdempotentRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == claim.AccountId && r.RequestId == claim.RequestId, cancellationToken);

    public Task ReleaseAsync(IdempotentRequest claim, CancellationToken cancellationToken) =>
        db.IdempotentRequests.Where(r => r.Id == claim.Id).ExecuteDeleteAsync(cancellationToken);
}
