namespace Tahseen.Domain.Tickets;

/// <summary>
/// Where a ticket is in its lifecycle. Closed, Withdrawn and Rejected are final; the moves between
/// statuses are listed once per type, in <see cref="TicketLifecycle"/>.
/// </summary>
public enum TicketStatus
{
    Submitted = 1,
    InProgress = 2,
    WaitingForCitizen = 3,
    Resolved = 4,
    Closed = 5,
    Withdrawn = 6,
    Rejected = 7,

    /// <summary>A complaint's submitter appealed the decision; a supervisor decides (upheld: worked again; dismissed: closed).</summary>
    Appealed = 8,
}
