namespace Tahseen.Application.Tickets;

public enum TicketEventKind
{
    Snapshot = 1,
    StatusChanged = 2,
    MessageAdded = 3,
    Assigned = 4,
}

/// <summary>
/// One thing that happened to a ticket, with the ticket as it was right after it. The public view is
/// what every watcher may see, staff or submitter: it never holds internal notes.
/// </summary>
/// <param name="Version">The ticket's version after the event; tells a watcher which events its snapshot already shows.</param>
public sealed record TicketEvent(TicketEventKind Kind, TicketDto Ticket, long Version, DateTimeOffset CreateTime);
