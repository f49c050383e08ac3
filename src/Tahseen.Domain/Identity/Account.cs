using System.Security.Cryptography;
using Tahseen.Domain.Common;
using Tahseen.Domain.Privacy;

namespace Tahseen.Domain.Identity;

/// <summary>
/// A person's account: one per identity for citizens and residents, created by an admin for staff.
/// Holds the sign-in rules: a disabled account never signs in, and every credential change rotates the
/// security stamp that sessions carry. Wrong passwords are throttled per login key, not per account
/// (<see cref="SignInThrottle"/>), so that strangers cannot lock a person out.
/// </summary>
public sealed class Account
{
    public const int MaxFullNameLength = 200;

    private Account()
    {
        Username = string.Empty;
        NormalizedUsername = string.Empty;
        FullName = string.Empty;
        MobileNumber = string.Empty;
        PasswordHash = string.Empty;
        SecurityStamp = string.Empty;
    }

    private Account(Username username, string fullName, MobileNumber mobile, string passwordHash, AccountRoles roles, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Username = username.Value;
        NormalizedUsername = username.Normalized;
        FullName = fullName;
        MobileNumber = mobile.Value;
        PasswordHash = passwordHash;
        Roles = roles;
        Status = AccountStatus.Active;
        CreateTime = now;
        UpdateTime = now;
        SecurityStamp = NewStamp();
    }

    public Guid Id { get; private set; }

    public string Username { get; private set; }

    /// <summary>Lower-case username; unique, so that "Noura" and "noura" are one name.</summary>
    public string NormalizedUsername { get; private set; }

    /// <summary>The national ID or iqama number; null for staff accounts. Unique.</summary>
    public string? NationalId { get; private set; }

    public PersonKind? PersonKind { get; private set; }

    /// <summary>The name as the civil registry writes it in Arabic; staff accounts have only this one.</summary>
    public string FullName { get; private set; }

    /// <summary>The registry's Latin-script name; null for staff and for accounts registered before it was kept.</summary>
    public string? FullNameEn { get; private set; }

    /// <summary>E.164 mobile number where one-time codes and notifications go.</summary>
    public string MobileNumber { get; private set; }

    public string? Email { get; private set; }

    public string PasswordHash { get; private set; }

    public AccountRoles Roles { get; private set; }

    public AccountStatus Status { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>The terms version accepted at registration, and when.</summary>
    public string? TermsVersion { get; private set; }

    public DateTimeOffset? TermsAcceptTime { get; private set; }

    /// <summary>Changes whenever credentials or status change; access tokens carrying an old stamp stop working.</summary>
    public string SecurityStamp { get; private set; }

    /// <summary>Made by the sandbox seeder with a published password; a Production database must hold none.</summary>
    public bool IsSandbox { get; private set; }

    /// <summary>When the account's personal data was destroyed at its holder's request; null for a live account.</summary>
    public DateTimeOffset? EraseTime { get; private set; }

    public bool IsErased => EraseTime is not null;

    /// <summary>The language the service writes to the person in (canned replies); Arabic unless they choose English.</summary>
    public Language PreferredLanguage { get; private set; } = Language.Arabic;


    /// <summary>When a ticket was last given to this staff member; the least-loaded rule's tie-breaker (oldest first).</summary>
    public DateTimeOffset? LastAssignTime { get; private set; }

    public bool IsStaff => (Roles & AccountRoleSets.Desk) != 0;

    public static Account RegisterCitizen(
        Username username, NationalId nationalId, string fullName, string? fullNameEn, MobileNumber mobile, EmailAddress? email,
        string passwordHash, string termsVersion, DateTimeOffset now) =>
        new(username, fullName, mobile, passwordHash, AccountRoles.Citizen, now)
        {
            FullNameEn = string.IsNullOrWhiteSpace(fullNameEn) ? null : fullNameEn,
            NationalId = nationalId.Value,
            PersonKind = nationalId.Kind,
            Email = email?.Value,
            TermsVersion = termsVersion,
            TermsAcceptTime = now,
        };

    public static Account CreateStaff(Username username, string fullName, MobileNumber mobile, string passwordHash, AccountRoles roles, DateTimeOffset now)
    {
        EnsureDeskRoles(roles);
        return new Account(username, fullName, mobile, passwordHash, roles, now);
    }

    /// <summary>A staff account whose password is published for test harnesses (sandbox mode only).</summary>
    public static Account CreateSandboxStaff(Username username, string fullName, MobileNumber mobile, string passwordHash, AccountRoles roles, DateTimeOffset now)
    {
        var account = CreateStaff(username, fullName, mobile, passwordHash, roles, now);
        account.IsSandbox = true;
        return account;
    }

    /// <summary>Refuses a sign-in by a disabled account, even with the right password.</summary>
    public void EnsureCanSignIn()
    {
        if (Status == AccountStatus.Disabled)
        {
            throw new TahseenException(ErrorReason.AccountDisabled);
        }
    }

    /// <summary>A new password: every session of the account ends.</summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        SecurityStamp = NewStamp();
        UpdateTime = now;
    }

    /// <summary>The same password under a stronger hash; sessions are unaffected.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>The holder corrects their e-mail address.</summary>
    public void ChangePreferredLanguage(Language language, DateTimeOffset now)
    {
        if (!Enum.IsDefined(language))
        {
            throw TahseenException.ForField("preferred_language", ErrorReason.FieldInvalid);
        }

        PreferredLanguage = language;
        UpdateTime = now;
    }

    public void ChangeEmail(EmailAddress email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        Email = email.Value;
        UpdateTime = now;
    }

    /// <summary>
    /// Destroys the personal data at its holder's request and closes the account for good: identity,
    /// name, contacts and the chosen username (which may spell a name or an ID) are gone, so the login no
    /// longer exists and the identity may register again. The row stays, under a pseudonymous username,
    /// because tickets and statistics still point at it. The password hash goes and the new security
    /// stamp ends every token still held.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        if (IsStaff)
        {
            throw new InvalidOperationException("Staff accounts are disabled by an admin, not erased.");
        }

        // ':' is outside the username alphabet, so no person can ever choose a pseudonym.
        var pseudonym = $"erased:{Id:N}"[..Identity.Username.MaxLength];
        Username = pseudonym;
        NormalizedUsername = pseudonym;
        NationalId = null;
        PersonKind = null;
        FullName = PersonalContent.ErasedName;
        FullNameEn = null;
        MobileNumber = string.Empty;
        Email = null;
        PasswordHash = string.Empty;
        Status = AccountStatus.Disabled;
        SecurityStamp = NewStamp();
        EraseTime = now;
        UpdateTime = now;
    }

    public void SetStatus(AccountStatus status, DateTimeOffset now)
    {
        if (Status == status)
        {
            return;
        }

        Status = status;
        SecurityStamp = NewStamp();
        UpdateTime = now;
    }

    /// <summary>
    /// An employee's new set of roles (staff, supervisor, admin). Only a staff account's roles change:
    /// a citizen never becomes staff (nor staff a citizen). Sessions carry on; the roles a call holds
    /// are read from the account on every call, so the change applies to the next call.
    /// </summary>
    public void SetRoles(AccountRoles roles, DateTimeOffset now)
    {
        if (!IsStaff || IsErased)
        {
            throw new TahseenException(ErrorReason.AccountNotStaff);
        }

        EnsureDeskRoles(roles);
        Roles = roles;
        UpdateTime = now;
    }

    private static void EnsureDeskRoles(AccountRoles roles)
    {
        if ((roles & AccountRoleSets.Desk) == 0 || (roles & ~AccountRoleSets.Desk) != 0)
        {
            throw TahseenException.ForField("roles", ErrorReason.FieldInvalid);
        }
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
