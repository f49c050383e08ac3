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
}

/// <summary>The stored status. Sign-in throttling is per login key (<see cref="SignInThrottle"/>), not a status.</summary>
public enum AccountStatus
{
    Active = 1,
    Disabled = 2,
}
