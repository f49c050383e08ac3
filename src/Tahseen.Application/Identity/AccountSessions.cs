using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

/// <summary>
/// Ends sessions. Refresh tokens are revoked in the database; access tokens stop at their next use
/// because the account's security stamp changed.
/// </summary>
public sealed class AccountSessions(IApplicationDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Saves the pending change to the account (a new password, a disabled status) and revokes every
    /// refresh token of it, in one transaction: the change is never committed while its old sessions
    /// still work.
    /// </summary>
    public async Task SaveEndingAllSessionsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.RefreshTokens
            .Where(t => t.AccountId == accountId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends one session: every refresh token descended from the same login.</summary>
    public Task RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
    }
}
