using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

public enum OtpPurpose
{
    Registration = 1,
    Login = 2,
    PasswordReset = 3,
}

public enum OtpVerification
{
    Accepted,
    Invalid,
    Expired,
    AttemptsExceeded,
}

/// <summary>
/// A step that waits for a one-time code sent by SMS: a registration, a login or a password reset.
/// The code is 6 digits, valid 5 minutes, kept as a keyed hash, dies after 5 wrong tries, and may be
/// sent again after 60 seconds. A challenge is used once.
/// </summary>
public sealed class OtpChallenge
{
    public const int MaxWrongAttempts = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendDelay = TimeSpan.FromSeconds(60);

    private OtpChallenge()
    {
        MobileNumber = string.Empty;
    }

    private OtpChallenge(OtpPurpose purpose, string mobileNumber, TimeSpan lifetime, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Purpose = purpose;
        MobileNumber = mobileNumber;
        CreateTime = now;
        ExpireTime = now + lifetime;
    }

    public Guid Id { get; private set; }

    public OtpPurpose Purpose { get; private set; }

    /// <summary>E.164 mobile the code goes to.</summary>
    public string MobileNumber { get; private set; }

    /// <summary>Registration: the identity being registered.</summary>
    public string? NationalId { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Login and reset: the account concerned. A reset for an unknown identity has none.</summary>
    public Guid? AccountId { get; private set; }

    public string? CodeHash { get; private set; }

    public DateTimeOffset CodeExpireTime { get; private set; }

    public DateTimeOffset ResendAvailableTime { get; private set; }

    public int WrongAttempts { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    /// <summary>After this the whole step must start again.</summary>
    public DateTimeOffset ExpireTime { get; private set; }

    public DateTimeOffset? CompleteTime { get; private set; }

    public static OtpChallenge ForRegistration(NationalId nationalId, MobileNumber mobile, EmailAddress? email, DateTimeOffset now) =>
        new(OtpPurpose.Registration, mobile.Value, TimeSpan.FromMinutes(30), now)
        {
            NationalId = nationalId.Value,
            Email = email?.Value,
        };

    public static OtpChallenge ForLogin(Account account, DateTimeOffset now) =>
        new(OtpPurpose.Login, account.MobileNumber, CodeLifetime, now) { AccountId = account.Id };

    /// <summary>A reset is recorded whether or not the identity has an account, so the answer never tells.</summary>
    public static OtpChallenge ForPasswordReset(Account? account, MobileNumber mobile, DateTimeOffset now) =>
        new(OtpPurpose.PasswordReset, mobile.Value, TimeSpan.FromMinutes(30), now) { AccountId = account?.Id };

    public bool IsOpen(DateTimeOffset now) => CompleteTime is null && now < ExpireTime;

    /// <summary>Sets a new code (the first or a resend), which restarts the tries.</summary>
    public void IssueCode(string codeHash, DateTimeOffset now)
    {
        if (CodeHash is not null && now < ResendAvailableTime)
        {
            throw new TahseenException(ErrorReason.OtpResendTooSoon);
        }

        CodeHash = codeHash;
        CodeExpireTime = now + CodeLifetime;
        ResendAvailableTime = now + ResendDelay;
        WrongAttempts = 0;
    }

    /// <summary>
    /// Compares a code's keyed hash in constant time, as the challenge stood when it was read. Tries are
    /// counted and the challenge completed by conditional writes in the database (see OneTimeCodes), so
    /// that concurrent requests can neither share a try nor both complete the challenge.
    /// </summary>
    public OtpVerification Check(string candidateHash, DateTimeOffset now)
    {
        if (WrongAttempts >= MaxWrongAttempts)
        {
            return OtpVerification.AttemptsExceeded;
        }

        if (CodeHash is null || now >= CodeExpireTime)
        {
            return OtpVerification.Expired;
        }

        // A code for a reset of an unknown identity never matches anything: no account, nothing to reset.
        return KeyedHashes.Equal(CodeHash, candidateHash) && !(Purpose == OtpPurpose.PasswordReset && AccountId is null)
            ? OtpVerification.Accepted
            : OtpVerification.Invalid;
    }
}
