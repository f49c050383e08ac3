namespace Tahseen.Domain.Audit;

/// <summary>
/// One line of the tamper-evident audit log: who did what to which subject, and when. Lines are
/// chained: each carries the hash of the line before it and its own hash over a canonical form of
/// both, so editing, removing or reordering a line breaks the chain from that line on. Subjects are
/// named by id only; no clear personal data goes in.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxActionLength = 64;
    public const int MaxSubjectLength = 64;
    public const int MaxDetailLength = 500;

    /// <summary>The previous hash of the first line ever written.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEvent()
    {
        Action = string.Empty;
        SubjectType = string.Empty;
        SubjectId = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public AuditEvent(DateTimeOffset time, Guid? actorAccountId, string action, string subjectType, string subjectId, string? detail)
        : this()
    {
        Id = Guid.CreateVersion7(time);
        // Microseconds: what every supported database keeps, so the canonical form survives a round trip.
        Time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
        ActorAccountId = actorAccountId;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
    }

    /// <summary>Identifies the line before it has joined the chain; the chain itself is ordered by <see cref="Sequence"/>.</summary>
    public Guid Id { get; private set; }

    /// <summary>1, 2, 3 … without gaps; assigned when the line joins the chain.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset Time { get; private set; }

    /// <summary>Null when the service acted on its own or the caller was anonymous.</summary>
    public Guid? ActorAccountId { get; private set; }

    /// <summary>UPPER_SNAKE: TICKET_RESOLVED, SUBMITTER_REVEALED, SECURITY_LOGIN_FAILED …</summary>
    public string Action { get; private set; }

    /// <summary>ticket, account, category, data_subject_request …</summary>
    public string SubjectType { get; private set; }

    public string SubjectId { get; private set; }

    /// <summary>What the action needs remembered (a purpose, a status move); never clear personal data.</summary>
    public string? Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public bool IsLinked => Sequence > 0;

    /// <summary>Joins the chain after the line <paramref name="previousSequence"/> whose hash is <paramref name="previousHash"/>.</summary>
    public void Link(long previousSequence, string previousHash, Func<AuditEvent, string> hash)
    {
        if (IsLinked)
        {
            throw new InvalidOperationException($"Audit event {Sequence} is already linked.");
        }

        Sequence = previousSequence + 1;
        PreviousHash = previousHash;
        Hash = hash(this);
    }

    /// <summary>A save that failed did not append the line; the next save links it again.</summary>
    public void Unlink()
    {
        Sequence = 0;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }
}
