using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

/// <summary>Ends every session of an account: its refresh tokens stop working at once, its access tokens at their next use (the security stamp changed).</summary>
public sealed class AccountSessions(IApplicationDbContext db, TimeProvider clock) : IAccountSessions
{
    public Task RevokeAllAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
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
