namespace Tahseen.Domain.Notifications;

public enum SmsKind
{
    OneTimeCode = 1,
    Notification = 2,
}

/// <summary>
/// An SMS waiting to leave, written in the same transaction as the change it reports, so that a
/// committed change always gets its message and a failed send is tried again.
/// </summary>
public sealed class SmsOutboxMessage
{
    public const int MaxBodyLength = 640;
    public const int MaxAttempts = 10;

    private SmsOutboxMessage()
    {
        MobileNumber = string.Empty;
        Body = string.Empty;
    }

    public SmsOutboxMessage(string mobileNumber, string body, SmsKind kind, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mobileNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        Id = Guid.CreateVersion7(now);
        MobileNumber = mobileNumber;
        Body = body;
        Kind = kind;
        CreateTime = now;
        NextAttemptTime = now;
    }

    public Guid Id { get; private set; }

    /// <summary>E.164.</summary>
    public string MobileNumber { get; private set; }

    public string Body { get; private set; }

    public SmsKind Kind { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTimeOffset NextAttemptTime { get; private set; }

    public DateTimeOffset? SentTime { get; private set; }

    /// <summary>Set when the message has been given up on after <see cref="MaxAttempts"/> failures.</summary>
    public DateTimeOffset? AbandonTime { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The body may hold a one-time code: once it has left, it is not kept.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        AttemptCount++;
        SentTime = now;
        LastError = null;
        Body = string.Empty;
    }

    /// <summary>Schedules another try with exponential back-off (2 s, 4 s, 8 s … capped at 10 minutes).</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        AttemptCount++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (AttemptCount >= MaxAttempts)
        {
            AbandonTime = now;
            Body = string.Empty;
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, AttemptCount)));
        NextAttemptTime = now + delay;
    }
}
