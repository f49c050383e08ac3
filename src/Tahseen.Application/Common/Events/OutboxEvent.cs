namespace Tahseen.Application.Common.Events;

/// <summary>
/// A domain event as stored in the outbox: written in the transaction of the change that raised it,
/// then read by cursor (watch streams, the change feed) and dispatched to side-effect handlers.
/// </summary>
public sealed class OutboxEvent
{
    public const int MaxErrorLength = 500;

    private OutboxEvent()
    {
        EventType = string.Empty;
        Payload = string.Empty;
        Snapshot = string.Empty;
    }

    public OutboxEvent(Guid eventId, string eventType, Guid streamId, long streamVersion, string payload, string snapshot, DateTimeOffset occurredTime)
    {
        EventId = eventId;
        EventType = eventType;
        StreamId = streamId;
        StreamVersion = streamVersion;
        Payload = payload;
        Snapshot = snapshot;
        OccurredTime = occurredTime;
        NextAttemptTime = occurredTime;
    }

    /// <summary>
    /// The one order of what happened, assigned by the database when the row is inserted. Gap-safe on
    /// SQLite because a write transaction holds the database's only write lock from its first write to
    /// its commit: no transaction can commit a lower cursor after a reader has seen a higher one.
    /// </summary>
    public long Cursor { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>The event's type name, such as <c>TicketStatusChanged</c>.</summary>
    public string EventType { get; private set; }

    /// <summary>The aggregate the event belongs to (a ticket id).</summary>
    public Guid StreamId { get; private set; }

    /// <summary>The aggregate's version once the change was made.</summary>
    public long StreamVersion { get; private set; }

    /// <summary>The event's own fields, as JSON.</summary>
    public string Payload { get; private set; }

    /// <summary>The aggregate's public view as the committing transaction left it, as JSON.</summary>
    public string Snapshot { get; private set; }

    public DateTimeOffset OccurredTime { get; private set; }

    /// <summary>Set once every side-effect handler has run.</summary>
    public DateTimeOffset? DispatchTime { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTimeOffset NextAttemptTime { get; private set; }

    /// <summary>Set when the handlers kept failing: the event is parked for an admin to look at.</summary>
    public DateTimeOffset? DeadLetterTime { get; private set; }

    public string? LastError { get; private set; }

    public void MarkDispatched(DateTimeOffset now) => DispatchTime = now;

    /// <summary>
    /// The exception type of a failure (<see cref="LastError"/> reads "Type: message"): what an admin
    /// sees, since a message can quote the personal data the consumer was handling.
    /// </summary>
    public static string ErrorClassOf(string? lastError) =>
        lastError is null ? string.Empty
        : lastError.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? lastError[..colon]
        : lastError;

    /// <summary>Counts a failed dispatch; backs off exponentially and parks the event after <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        AttemptCount++;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        if (AttemptCount >= maxAttempts)
        {
            DeadLetterTime = now;
            return;
        }

        NextAttemptTime = now + TimeSpan.FromSeconds(Math.Pow(2, Math.Min(AttemptCount, 10)));
    }
}
