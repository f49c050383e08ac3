namespace Tahseen.Domain.Identity;

/// <summary>
/// Failed sign-ins of one login key: a keyed hash of the normalised login, kept whether or not an
/// account has that login, so that the answers never tell a registered login from an unknown one.
/// The first <see cref="FreeFailures"/> consecutive failures cost nothing; from then on each attempt
/// needs a solved captcha, and <see cref="MaxCaptchaFailures"/> captcha-backed failures lock the key for
/// <see cref="LockoutDuration"/>. A success deletes the row. Strangers can slow a guess this way but never
/// lock a person out of password reset, which this never blocks.
/// </summary>
/// <remarks>
/// The counters only ever change through single conditional UPDATE statements (an attempt is counted
/// before its password is checked), so concurrent guesses cannot read the same count.
/// </remarks>
public sealed class SignInThrottle
{
    public const int FreeFailures = 3;
    public const int MaxCaptchaFailures = 10;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>A key with no attempt for this long is forgotten, so anonymous callers cannot grow the table without bound.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private SignInThrottle()
    {
        Key = string.Empty;
    }

    /// <summary>The row of a key's first counted attempt.</summary>
    public SignInThrottle(string key, DateTimeOffset now)
    {
        Key = key;
        FailureCount = 1;
        UpdateTime = now;
    }

    public string Key { get; private set; }

    /// <summary>Attempts since the last success, counted as they start.</summary>
    public int FailureCount { get; private set; }

    /// <summary>Attempts made with a solved captcha since the last success or lockout.</summary>
    public int CaptchaFailureCount { get; private set; }

    public DateTimeOffset? LockoutEnd { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
