using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Security;

/// <summary>The role names access tokens carry and gRPC services authorise on.</summary>
public static class RoleNames
{
    public const string Citizen = "CITIZEN";
    public const string Staff = "STAFF";
    public const string Admin = "ADMIN";
    public const string Integration = "INTEGRATION";
    public const string Supervisor = "SUPERVISOR";

    /// <summary>For [Authorize(Roles = ...)] on the case-work desk's methods: supervisors hold staff rights too.</summary>
    public const string StaffOrAdmin = Staff + "," + Admin + "," + Supervisor;

    public static IEnumerable<string> Of(AccountRoles roles)
    {
        if (roles.HasFlag(AccountRoles.Citizen))
        {
            yield return Citizen;
        }

        if (roles.HasFlag(AccountRoles.Staff))
        {
            yield return Staff;
        }

        if (roles.HasFlag(AccountRoles.Admin))
        {
            yield return Admin;
        }

        if (roles.HasFlag(AccountRoles.Integration))
        {
            yield return Integration;
        }

        if (roles.HasFlag(AccountRoles.Supervisor))
        {
            yield return Supervisor;
        }
    }

    public static AccountRoles Parse(IEnumerable<string> names) =>
        names.Aggregate(AccountRoles.None, (roles, name) => roles | name switch
        {
            Citizen => AccountRoles.Citizen,
            Staff => AccountRoles.Staff,
            Admin => AccountRoles.Admin,
            Integration => AccountRoles.Integration,
            Supervisor => AccountRoles.Supervisor,
            _ => AccountRoles.None,
        });
}
