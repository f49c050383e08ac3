using Tahseen.Domain.Common;

namespace Tahseen.Domain.Privacy;

/// <summary>The rights the Personal Data Protection Law gives a person over their data.</summary>
public enum DataSubjectRequestKind
{
    /// <summary>A copy of everything held (each ExportMyData).</summary>
    Access = 1,

    /// <summary>A correction of what is held (each change of the e-mail by its owner).</summary>
    Correction = 2,

    /// <summary>Destruction of the personal data and closing of the account.</summary>
    Erasure = 3,
}

public enum DataSubjectRequestStatus
{
    /// <summary>Received; the erasure job has not looked at it yet.</summary>
    Pending = 1,

    /// <summary>The account still has open tickets; the erasure runs once they are closed.</summary>
    WaitingForOpenTickets = 2,

    Completed = 3,
}

/// <summary>
/// A person's request under the Personal Data Protection Law, answered within
/// <see cref="AnswerPeriod"/>; an admin may extend that once by <see cref="ExtensionPeriod"/>, giving a
/// reason. Access and correction requests are answered in the call that makes them; an erasure waits
/// for the erasure job. The reason a person gives may itself be personal, so it is dropped once the
/// request is completed.
/// </summary>
public sealed class DataSubjectRequest
{
    public const int MaxReasonLength = 500;

    public static readonly TimeSpan AnswerPeriod = TimeSpan.FromDays(30);
    public static readonly TimeSpan ExtensionPeriod = TimeSpan.FromDays(30);

    private DataSubjectRequest()
    {
    }

    private DataSubjectRequest(Guid accountId, DataSubjectRequestKind kind, string? reason, DateTimeOffset now)
    {
        if (accountId == Guid.Empty)
        {
            throw new ArgumentException("An account id is required.", nameof(accountId));
        }

        if (now.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Times are UTC instants.", nameof(now));
        }

        Id = Guid.CreateVersion7(now);
        AccountId = accountId;
        Kind = kind;
        Reason = reason;
        Status = DataSubjectRequestStatus.Pending;
        CreateTime = now;
        UpdateTime = now;
        DueTime = now + AnswerPeriod;
    }

    public Guid Id { get; private set; }

    /// <summary>The account whose data the request is about (and who made it).</summary>
    public Guid AccountId { get; private set; }

    public DataSubjectRequestKind Kind { get; private set; }

    public DataSubjectRequestStatus Status { get; private set; }

    /// <summary>What the person wrote; null once the request is completed.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>When the answer is owed: 30 days after the request, 60 once extended.</summary>
    public DateTimeOffset DueTime { get; private set; }

    public DateTimeOffset? CompleteTime { get; private set; }

    public DateTimeOffset? ExtendTime { get; private set; }

    public Guid? ExtendedByAccountId { get; private set; }

    /// <summary>Why the admin needed more time; written by staff, never the person's own words.</summary>
    public string? ExtensionReason { get; private set; }

    public bool IsOpen => Status != DataSubjectRequestStatus.Completed;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueTime < now;

    /// <summary>An ExportMyData: answered by the export itself.</summary>
    public static DataSubjectRequest Access(Guid accountId, DateTimeOffset now) => Answered(accountId, DataSubjectRequestKind.Access, now);

    /// <summary>The person corrected their own data: done as it is recorded.</summary>
    public static DataSubjectRequest Correction(Guid accountId, DateTimeOffset now) => Answered(accountId, DataSubjectRequestKind.Correction, now);

    public static DataSubjectRequest Erasure(Guid accountId, string? reason, DateTimeOffset now)
    {
        if (reason is { Length: > MaxReasonLength })
        {
            throw TahseenException.ForField("reason", ErrorReason.FieldTooLong, MaxReasonLength);
        }

        return new DataSubjectRequest(accountId, DataSubjectRequestKind.Erasure, string.IsNullOrWhiteSpace(reason) ? null : reason, now);
    }

    /// <summary>Moves the due time once by <see cref="ExtensionPeriod"/>; a second extension is refused.</summary>
    public void Extend(Guid adminId, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsOpen)
        {
            throw new TahseenException(ErrorReason.DataSubjectRequestCompleted);
        }

        if (ExtendTime is not null)
        {
            throw new TahseenException(ErrorReason.ExtensionAlreadyUsed);
        }

        ExtendTime = now;
        ExtendedByAccountId = adminId;
        ExtensionReason = reason;
        DueTime += ExtensionPeriod;
        UpdateTime = now;
    }

    /// <summary>The erasure job found open tickets: the request stays open and waits for them.</summary>
    public void WaitForOpenTickets(DateTimeOffset now)
    {
        if (Status == DataSubjectRequestStatus.Pending)
        {
            Status = DataSubjectRequestStatus.WaitingForOpenTickets;
            UpdateTime = now;
        }
    }

    public void Complete(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new TahseenException(ErrorReason.DataSubjectRequestCompleted);
        }

        Status = DataSubjectRequestStatus.Completed;
        CompleteTime = now;
        UpdateTime = now;
        Reason = null;
    }

    private static DataSubjectRequest Answered(Guid accountId, DataSubjectRequestKind kind, DateTimeOffset now)
    {
        var request = new DataSubjectRequest(accountId, kind, null, now);
        request.Complete(now);
        return request;
    }
}
