using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Identity;

/// <summary>
/// Stand-in for the sessions store, which arrives with refresh tokens: until then an account has no
/// session beyond its access tokens, and those already stop at their next use because
/// <see cref="Domain.Identity.Account.SetStatus"/> rotated the security stamp.
/// </summary>
internal sealed class AccountSessions : IAccountSessions
{
    public Task RevokeAllAsync(Guid accountId, CancellationToken cancellationToken) => Task.CompletedTask;
}
