namespace Tahseen.Domain.Identity;

public enum SecurityEventKind
{
    Registered = 1,
    LoginPasswordAccepted = 2,
    LoginFailed = 3,
    LoginSucceeded = 4,
    AccountLockedOut = 5,
    RefreshTokenReuseDetected = 6,
    PasswordChanged = 7,
    PasswordReset = 8,
    LoggedOut = 9,
    AccountStatusChanged = 10,
    StaffAccountCreated = 11,
    OtpAttemptsExceeded = 12,
    AdministratorCreatedFromConsole = 13,
    PasswordChangeFailed = 14,
    ServiceAccountCreated = 15,
    ServiceAccountSecretRotated = 16,
    ServiceAccountStatusChanged = 17,
    ServiceTokenIssued = 18,
    ServiceTokenRefused = 19,
    RevealLimitReached = 20,
    ErasurePasswordFailed = 21,
    AccountRolesChanged = 22,
    StaffCategoriesChanged = 23,
    RequesterRestricted = 26,
}

/// <summary>One line of the security audit log. Never holds a secret: no password, code or token.</summary>
public sealed class SecurityEvent
{
    public const int MaxDetailLength = 500;

    private SecurityEvent()
    {
    }

    public SecurityEvent(SecurityEventKind kind, Guid? accountId, string? clientAddress, DateTimeOffset now, string? detail = null)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        AccountId = accountId;
        ClientAddress = clientAddress;
        Time = now;
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
    }

    public Guid Id { get; private set; }

    public SecurityEventKind Kind { get; private set; }

    public Guid? AccountId { get; private set; }

    public string? ClientAddress { get; private set; }

    public DateTimeOffset Time { get; private set; }

    public string? Detail { get; private set; }
}
