namespace Tahseen.Domain.Identity;

/// <summary>What an account may do. Citizens register themselves; staff and admins are created by an admin.</summary>
[Flags]
public enum AccountRoles
{
    None = 0,
    Citizen = 1,
    Staff = 2,
    Admin = 4,

    /// <summary>A service account of an internal system: no person, no password, no SMS.</summary>
    Integration = 8,

    /// <summary>A staff member who also receives escalations and sees per-staff figures; holds every staff right.</summary>
    Supervisor = 16,
}

/// <summary>The role sets the domain reasons about.</summary>
public static class AccountRoleSets
{
    /// <summary>The Civil Affairs employees who work the desk: any of these roles holds the staff rights.</summary>
    public const AccountRoles Desk = AccountRoles.Staff | AccountRoles.Admin | AccountRoles.Supervisor;
}

/// <summary>The stored status. Sign-in throttling is per login key (<see cref="SignInThrottle"/>), not a status.</summary>
public enum AccountStatus
{
    Active = 1,
    Disabled = 2,
}
