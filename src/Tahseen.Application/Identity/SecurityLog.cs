using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>Adds a line to the security audit log in the caller's unit of work.</summary>
public sealed class SecurityLog(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
{
    public void Record(SecurityEventKind kind, Guid? accountId, string? detail = null) =>
        db.SecurityEvents.Add(new SecurityEvent(kind, accountId, caller.ClientAddress, clock.GetUtcNow(), detail));
}
