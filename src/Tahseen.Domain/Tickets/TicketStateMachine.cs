namespace Tahseen.Domain.Tickets;

public readonly record struct TicketTransition(TicketStatus From, TicketTrigger Trigger, TicketStatus To);

/// <summary>
/// What all lifecycles agree on. The allowed moves are per type, in <see cref="TicketLifecycle"/>.
/// </summary>
public static class TicketStateMachine
{
    public static bool IsFinal(TicketStatus status) =>
        status is TicketStatus.Closed or TicketStatus.Withdrawn or TicketStatus.Rejected;
}
