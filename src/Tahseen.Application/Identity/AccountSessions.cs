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
    /// Revokes every refresh token of the account, in the command's transaction: the change that ends
    /// the sessions (a new password, a disabled status) commits with the revocation or not at all.
    /// </summary>
    public async Task EndAllSessionsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.RefreshTokens
            .Where(t => t.AccountId == accountId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
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
