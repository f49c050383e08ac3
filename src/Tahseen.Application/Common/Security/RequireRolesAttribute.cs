using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Security;

/// <summary>
/// What a request needs of its caller: one of <see cref="Roles"/>, and for a service account also
/// <see cref="Scope"/>. Checked once, by the authorization behaviour, before validation; handlers
/// never check roles. Streaming requests go through the same behaviour before their stream opens.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireRolesAttribute(AccountRoles roles) : Attribute
{
    public AccountRoles Roles { get; } = roles;

    /// <summary>The scope a service account's token must carry (e.g. <c>tickets.events</c>).</summary>
    public string? Scope { get; init; }
}

/// <summary>The role sets requests declare most often.</summary>
public static class RoleSets
{
    /// <summary>Any signed-in person: citizens, staff and admins, never a service account.</summary>
    public const AccountRoles People = AccountRoles.Citizen | AccountRoleSets.Desk;

    /// <summary>The case-work desk.</summary>
    public const AccountRoles Desk = AccountRoleSets.Desk;

    /// <summary>Supervisors only (appeals, restrictions): holding STAFF or ADMIN is not enough.</summary>
    public const AccountRoles Supervisors = AccountRoles.Supervisor;
}
