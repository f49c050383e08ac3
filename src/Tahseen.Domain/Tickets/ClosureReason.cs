namespace Tahseen.Domain.Tickets;

/// <summary>Why a ticket reached a final status. Every path to a final status sets one (<see cref="TicketLifecycle.ClosureReasonOf"/>).</summary>
public enum ClosureReason
{
    Rated = 1,
    AutoClosed = 2,
    Withdrawn = 3,
    RejectedOutOfScope = 4,
    MergedDuplicate = 5,
    AppealDismissed = 6,
    ClosedByStaff = 7,
}
