using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Security;

/// <summary>
/// What use cases read off the caller. Authorization itself is declared on the request and enforced by
/// the authorization behaviour; nothing here refuses a caller.
/// </summary>
public static class CurrentUserExtensions
{
    public static bool IsStaff(this ICurrentUser user) =>
        (user.Roles & AccountRoleSets.Desk) != 0;

    /// <summary>Supervisors and admins oversee the desk (per-staff figures, the whole queue).</summary>
    public static bool IsSupervising(this ICurrentUser user) =>
        (user.Roles & (AccountRoles.Supervisor | AccountRoles.Admin)) != 0;

    /// <summary>A supervisor releases tickets held for review (admins are not supervisors unless given the role).</summary>
    public static bool IsSupervisor(this ICurrentUser user) =>
        user.Roles.HasFlag(AccountRoles.Supervisor);

    /// <summary>The capacity a desk caller acts in: ADMIN over STAFF.</summary>
    public static ActorRole DeskRole(this ICurrentUser user) =>
        user.Roles.HasFlag(AccountRoles.Admin) ? ActorRole.Admin : ActorRole.Staff;
}
