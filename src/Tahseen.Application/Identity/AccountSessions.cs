using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

/// <summary>
/// Ends sessions: the session row is marked ended, which every authenticated call checks, so its access
/// tokens stop at their next use (this process's cache of access checks is told once the end has
/// committed); its refresh tokens are revoked; and its open streams are told at once.
/// </summary>
public sealed class AccountSessions(
    IApplicationDbContext db, ISessionEnds sessionEnds, IAccessChanges accessChanges, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>
    /// Ends every session of the account and revokes its refresh tokens, in the command's transaction:
    /// the change that ends the sessions (a new password, a disabled status) commits with them or not at all.
    /// </summary>
    public async Task EndAllSessionsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Sessions
            .Where(s => s.AccountId == accountId && s.EndTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndTime, now), cancellationToken);
        await db.RefreshTokens
            .Where(t => t.AccountId == accountId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);

        // Told before the commit: should the command still fail, a stream ended early is only reopened.
        sessionEnds.AccountSessionsEnded(accountId);
        unitOfWork.AfterCommit(() => accessChanges.AccountChanged(accountId));
    }

    /// <summary>Ends one session (logout, a replayed refresh token) and every refresh token of its family, in the command's transaction.</summary>
    public async Task EndSessionAsync(Guid accountId, Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Sessions
            .Where(s => s.Id == sessionId && s.EndTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndTime, now), cancellationToken);
        await db.RefreshTokens
            .Where(t => t.FamilyId == sessionId && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokeTime, now), cancellationToken);
        sessionEnds.SessionEnded(sessionId);
        unitOfWork.AfterCommit(() => accessChanges.AccountChanged(accountId));
    }
}
