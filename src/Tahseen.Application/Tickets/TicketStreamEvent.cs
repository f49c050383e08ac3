namespace Tahseen.Application.Tickets;

public enum TicketEventKind
{
    Snapshot = 1,
    StatusChanged = 2,
    MessageAdded = 3,
    Assigned = 4,
    Submitted = 5,
    SlaAtRisk = 6,
    SlaBreached = 7,
    DueTimeChanged = 9,
}

/// <summary>
/// One thing that happened to a ticket, with the ticket as the change left it. The public view is
/// what every reader may see, staff, submitter or internal system: it never holds internal notes.
/// </summary>
/// <param name="Cursor">The event's place in the outbox; 0 for a snapshot, which is not an event.</param>
/// <param name="Version">The ticket's version after the event; tells a watcher which events its snapshot already shows.</param>
public sealed record TicketStreamEvent(long Cursor, TicketEventKind Kind, TicketDto Ticket, long Version, DateTimeOffset CreateTime);
