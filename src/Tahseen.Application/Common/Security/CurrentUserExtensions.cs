using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Security;

/// <summary>
/// The role checks use cases repeat. The gRPC edge already authorises each service by role; the use
/// cases check again so that they are safe whoever calls them.
/// </summary>
public static class CurrentUserExtensions
{
    public static bool IsStaff(this ICurrentUser user) =>
        (user.Roles & (AccountRoles.Staff | AccountRoles.Admin)) != 0;

    /// <summary>The capacity the caller acts in for the service: ADMIN over STAFF. FORBIDDEN for anyone else.</summary>
    public static ActorRole RequireStaff(this ICurrentUser user) =>
        user.Roles.HasFlag(AccountRoles.Admin) ? ActorRole.Admin
        : user.Roles.HasFlag(AccountRoles.Staff) ? ActorRole.Staff
        : throw new TahseenException(ErrorReason.Forbidden);

    public static void RequireAdmin(this ICurrentUser user)
    {
        if (!user.Roles.HasFlag(AccountRoles.Admin))
        {
            throw new TahseenException(ErrorReason.Forbidden);
        }
    }
}
