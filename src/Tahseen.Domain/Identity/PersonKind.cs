namespace Tahseen.Domain.Identity;

/// <summary>Who an identity number belongs to; its first digit tells.</summary>
public enum PersonKind
{
    Citizen = 1,
    Resident = 2,
}
