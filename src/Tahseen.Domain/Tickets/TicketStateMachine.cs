using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

public readonly record struct TicketTransition(TicketStatus From, TicketTrigger Trigger, TicketStatus To);

/// <summary>
/// The one table of allowed moves. A pair that is not listed is refused with
/// INVALID_TICKET_TRANSITION. Some allowed moves carry a further condition that
/// <see cref="Ticket"/> checks (a reopen only within the reopen window, an automatic close only
/// after the delay).
/// </summary>
public static class TicketStateMachine
{
    /// <summary>Every allowed move, for whoever needs to enumerate them (tests, documentation).</summary>
    public static IReadOnlyList<TicketTransition> Transitions { get; } =
    [
        new(TicketStatus.Submitted, TicketTrigger.Assign, TicketStatus.InProgress),
        new(TicketStatus.Submitted, TicketTrigger.Reply, TicketStatus.InProgress),
        new(TicketStatus.Submitted, TicketTrigger.RequestInformation, TicketStatus.WaitingForCitizen),
        new(TicketStatus.Submitted, TicketTrigger.CitizenReply, TicketStatus.Submitted),
        new(TicketStatus.Submitted, TicketTrigger.Resolve, TicketStatus.Resolved),
        new(TicketStatus.Submitted, TicketTrigger.Reject, TicketStatus.Rejected),
        new(TicketStatus.Submitted, TicketTrigger.Withdraw, TicketStatus.Withdrawn),

        new(TicketStatus.InProgress, TicketTrigger.Assign, TicketStatus.InProgress),
        new(TicketStatus.InProgress, TicketTrigger.Reply, TicketStatus.InProgress),
        new(TicketStatus.InProgress, TicketTrigger.RequestInformation, TicketStatus.WaitingForCitizen),
        new(TicketStatus.InProgress, TicketTrigger.CitizenReply, TicketStatus.InProgress),
        new(TicketStatus.InProgress, TicketTrigger.Resolve, TicketStatus.Resolved),
        new(TicketStatus.InProgress, TicketTrigger.Reject, TicketStatus.Rejected),
        new(TicketStatus.InProgress, TicketTrigger.Withdraw, TicketStatus.Withdrawn),

        new(TicketStatus.WaitingForCitizen, TicketTrigger.Assign, TicketStatus.WaitingForCitizen),
        new(TicketStatus.WaitingForCitizen, TicketTrigger.Reply, TicketStatus.InProgress),
        new(TicketStatus.WaitingForCitizen, TicketTrigger.CitizenReply, TicketStatus.InProgress),
        new(TicketStatus.WaitingForCitizen, TicketTrigger.Resolve, TicketStatus.Resolved),
        new(TicketStatus.WaitingForCitizen, TicketTrigger.Reject, TicketStatus.Rejected),
        new(TicketStatus.WaitingForCitizen, TicketTrigger.Withdraw, TicketStatus.Withdrawn),

        new(TicketStatus.Resolved, TicketTrigger.CitizenReply, TicketStatus.InProgress),
        new(TicketStatus.Resolved, TicketTrigger.Rate, TicketStatus.Closed),
        new(TicketStatus.Resolved, TicketTrigger.Close, TicketStatus.Closed),
        new(TicketStatus.Resolved, TicketTrigger.AutoClose, TicketStatus.Closed),

        // Notes are staff bookkeeping: allowed whatever the status, and never move the ticket.
        .. Enum.GetValues<TicketStatus>()
            .Select(status => new TicketTransition(status, TicketTrigger.AddInternalNote, status)),
    ];

    // Declared after Transitions: static initialisers run in text order.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Table =
        Transitions.ToDictionary(t => (t.From, t.Trigger), t => t.To);

    /// <summary>The status <paramref name="trigger"/> leads to from <paramref name="from"/>.</summary>
    /// <exception cref="TahseenException">INVALID_TICKET_TRANSITION when the move is not in the table.</exception>
    public static TicketStatus Next(TicketStatus from, TicketTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to)
            ? to
            : throw new TahseenException(ErrorReason.InvalidTicketTransition);

    public static bool IsFinal(TicketStatus status) =>
        status is TicketStatus.Closed or TicketStatus.Withdrawn or TicketStatus.Rejected;
}
