using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

/// <summary>
/// Ends sessions: the session row is marked ended, which every authenticated call checks, so its access
/// tokens stop at their next use; its refresh tokens are revoked; and its open streams are told at once.
/// </summary>
public sealed class AccountSessions(IApplicationDbContext db, ISessionEnds sessionEnds, TimeProvider clock)
{
    /// <summary>
    /// Saves the pending change to the account (a new password, a disabled status) and ends every session
    /// of it, in one transaction (the caller's, if one is open): the change is never committed while its
    /// old sessions still work.
    /// </summary>
    public async Task SaveEndingAllSessionsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (transaction)
        {
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            await db.Sessions
                .Where(s => s.AccountId == accountId && s.EndTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndTime, now), cancellationToken);
            await db.RefreshTokens
                .Where(t => t.AccountId == accountId && t.RevokeTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        sessionEnds.AccountSessionsEnded(accountId);
    }

    /// <summary>Ends one session (logout, a replayed refresh token) and every refresh token of its family.</summary>
    public async Task EndSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Sessions
            .Where(s => s.Id == sessionId && s.EndTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndTime, now), cancellationToken);
        await db.RefreshTokens
            .Where(t => t.FamilyId == sessionId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessionEnds.SessionEnded(sessionId);
    }
}
