namespace Tahseen.Domain.Common;

/// <summary>
/// An expected failure with a contract reason. Raised by the domain and application layers and
/// turned into a rich gRPC status at the edge. The exception message is for logs only; clients see
/// the localized text of the reason.
/// </summary>
public class TahseenException : Exception
{
    public TahseenException(ErrorReason reason, IReadOnlyList<FieldViolation>? violations = null, Exception? innerException = null)
        : base(reason.Code, innerException)
    {
        Reason = reason;
        Violations = violations ?? [];
    }

    /// <summary>Several broken field rules at once; the reported reason is the first one's.</summary>
    public TahseenException(IReadOnlyList<FieldViolation> violations)
        : this(violations.Count > 0 ? violations[0].Reason : ErrorReason.ValidationFailed, violations)
    {
    }

    public ErrorReason Reason { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>Values for the reason's message placeholders when no field violation carries them (an end date).</summary>
    public IReadOnlyList<object> Arguments { get; init; } = [];

    /// <summary>For a limit: how long the caller should wait before trying again (sent as google.rpc.RetryInfo).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A single broken rule on one field.</summary>
    public static TahseenException ForField(string field, ErrorReason reason, params object[] arguments) =>
        new(reason, [new FieldViolation(field, reason, arguments)]);
}
