using Tahseen.Domain.Common;
using static Tahseen.Domain.Tickets.TicketStatus;
using static Tahseen.Domain.Tickets.TicketTrigger;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// One type's lifecycle as data: the table of allowed moves and the outcomes a resolution may carry.
/// A pair that is not in the table is refused with INVALID_TICKET_TRANSITION. Some allowed moves carry
/// a further condition that <see cref="Ticket"/> checks (a reopen only within the reopen window, an
/// automatic close only after the delay, a follow-up only on its date). README.md draws each table as
/// a state diagram, and a test keeps the two equal.
/// </summary>
public sealed class TicketLifecycle
{
    // The moves every type shares: intake, work, questions, the ends before a resolution, and the ways
    // a resolved ticket closes. What differs between types is after a resolution.
    private static readonly TicketTransition[] Shared =
    [
        new(Submitted, Assign, InProgress),
        new(Submitted, Reply, InProgress),
        new(Submitted, RequestInformation, WaitingForCitizen),
        new(Submitted, CitizenReply, Submitted),
        new(Submitted, Resolve, Resolved),
        new(Submitted, Reject, Rejected),
        new(Submitted, Withdraw, Withdrawn),

        new(InProgress, Assign, InProgress),
        new(InProgress, Reply, InProgress),
        new(InProgress, RequestInformation, WaitingForCitizen),
        new(InProgress, CitizenReply, InProgress),
        new(InProgress, Resolve, Resolved),
        new(InProgress, Reject, Rejected),
        new(InProgress, Withdraw, Withdrawn),

        new(WaitingForCitizen, Assign, WaitingForCitizen),
        new(WaitingForCitizen, Reply, InProgress),
        new(WaitingForCitizen, CitizenReply, InProgress),
        new(WaitingForCitizen, Resolve, Resolved),
        new(WaitingForCitizen, Reject, Rejected),
        new(WaitingForCitizen, Withdraw, Withdrawn),

        // Waiting for another party keeps (or puts) the ticket in the work: only its clock stops.
        new(Submitted, AwaitExternalParty, InProgress),
        new(InProgress, AwaitExternalParty, InProgress),
        new(WaitingForCitizen, AwaitExternalParty, InProgress),

        new(Resolved, Rate, Closed),
        new(Resolved, Close, Closed),
        new(Resolved, AutoClose, Closed),

        // A duplicate closes into another open ticket of the same submitter's, which keeps its status.
        new(Submitted, Merge, Closed),
        new(InProgress, Merge, Closed),
        new(WaitingForCitizen, Merge, Closed),
        new(Resolved, Merge, Closed),
        new(Submitted, ReceiveMerge, Submitted),
        new(InProgress, ReceiveMerge, InProgress),
        new(WaitingForCitizen, ReceiveMerge, WaitingForCitizen),
        new(Resolved, ReceiveMerge, Resolved),
    ];

    /// <summary>
    /// A complaint: upheld, partly or not; the submitter reopens it by replying within the window. A
    /// rejected complaint, or one resolved or closed as not (fully) upheld, may be appealed once, within
    /// the appeal window (<see cref="Ticket.LodgeAppeal"/> checks those conditions); a supervisor then
    /// upholds the appeal (worked again) or dismisses it (closed).
    /// </summary>
    public static TicketLifecycle Complaint { get; } = new(
        TicketType.Complaint,
        [TicketOutcome.Upheld, TicketOutcome.PartiallyUpheld, TicketOutcome.NotUpheld],
        [
            .. Shared,
            new(Resolved, CitizenReply, InProgress),
            new(Resolved, Appeal, Appealed),
            new(Closed, Appeal, Appealed),
            new(Rejected, Appeal, Appealed),
            new(Appealed, UpholdAppeal, InProgress),
            new(Appealed, DismissAppeal, Closed),
        ]);

    /// <summary>An inquiry: answered; the submitter reopens it by replying within the window.</summary>
    public static TicketLifecycle Inquiry { get; } = new(
        TicketType.Inquiry,
        [TicketOutcome.Answered],
        [
            .. Shared,
            new(Resolved, CitizenReply, InProgress),
        ]);

    /// <summary>
    /// A suggestion: adopted, under study or declined. A reply of the submitter's is added to the thread
    /// and never reopens it; one under study goes back to the desk on its follow-up date.
    /// </summary>
    public static TicketLifecycle Suggestion { get; } = new(
        TicketType.Suggestion,
        [TicketOutcome.Adopted, TicketOutcome.UnderStudy, TicketOutcome.Declined],
        [
            .. Shared,
            new(Resolved, CitizenReply, Resolved),
            new(Resolved, FollowUpDue, InProgress),
        ]);

    public static IReadOnlyList<TicketLifecycle> All { get; } = [Complaint, Inquiry, Suggestion];

    private static readonly Dictionary<TicketTrigger, ClosureReason> ClosureReasons = new()
    {
        [Rate] = ClosureReason.Rated,
        [AutoClose] = ClosureReason.AutoClosed,
        [Close] = ClosureReason.ClosedByStaff,
        [Withdraw] = ClosureReason.Withdrawn,
        [Reject] = ClosureReason.RejectedOutOfScope,
        [Merge] = ClosureReason.MergedDuplicate,
        [DismissAppeal] = ClosureReason.AppealDismissed,
    };

    private readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> _table;

    private TicketLifecycle(TicketType type, IReadOnlyList<TicketOutcome> outcomes, IEnumerable<TicketTransition> moves)
    {
        Type = type;
        Outcomes = outcomes;
        Moves = [.. moves];
        // Notes are staff bookkeeping: allowed whatever the status, and never move the ticket.
        Transitions =
        [
            .. Moves,
            .. Enum.GetValues<TicketStatus>().Select(status => new TicketTransition(status, AddInternalNote, status)),
        ];
        _table = Transitions.ToDictionary(t => (t.From, t.Trigger), t => t.To);
    }

    public TicketType Type { get; }

    /// <summary>The outcomes a resolution of this type may carry.</summary>
    public IReadOnlyList<TicketOutcome> Outcomes { get; }

    /// <summary>The moves the README's diagram draws: every allowed move but the internal notes.</summary>
    public IReadOnlyList<TicketTransition> Moves { get; }

    /// <summary>Every allowed move, internal notes included.</summary>
    public IReadOnlyList<TicketTransition> Transitions { get; }

    public static TicketLifecycle For(TicketType type) => type switch
    {
        TicketType.Complaint => Complaint,
        TicketType.Inquiry => Inquiry,
        TicketType.Suggestion => Suggestion,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown ticket type."),
    };

    /// <summary>The type whose outcome <paramref name="outcome"/> is.</summary>
    public static TicketType TypeOf(TicketOutcome outcome) =>
        All.FirstOrDefault(l => l.Outcomes.Contains(outcome))?.Type
        ?? throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome.");

    /// <summary>Why a ticket is final after <paramref name="trigger"/> took it there.</summary>
    public static ClosureReason ClosureReasonOf(TicketTrigger trigger) =>
        ClosureReasons.TryGetValue(trigger, out var reason)
            ? reason
            : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "This move does not end a ticket.");

    /// <summary>The status <paramref name="trigger"/> leads to from <paramref name="from"/>.</summary>
    /// <exception cref="TahseenException">INVALID_TICKET_TRANSITION when the move is not in the table.</exception>
    public TicketStatus Next(TicketStatus from, TicketTrigger trigger) =>
        _table.TryGetValue((from, trigger), out var to)
            ? to
            : throw new TahseenException(ErrorReason.InvalidTicketTransition);
}
