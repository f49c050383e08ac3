using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;
using static Tahseen.Domain.Tickets.TicketStatus;
using static Tahseen.Domain.Tickets.TicketTrigger;

namespace Tahseen.Domain.Tests.Tickets;

public class TicketTransitionTests
{
    // The lifecycles as product.md tells them, written out independently of the production tables.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Shared = new()
    {
        [(Submitted, Assign)] = InProgress,
        [(Submitted, Reply)] = InProgress,
        [(Submitted, RequestInformation)] = WaitingForCitizen,
        [(Submitted, CitizenReply)] = Submitted,
        [(Submitted, AddInternalNote)] = Submitted,
        [(Submitted, Resolve)] = Resolved,
        [(Submitted, Reject)] = Rejected,
        [(Submitted, Withdraw)] = Withdrawn,

        [(InProgress, Assign)] = InProgress,
        [(InProgress, Reply)] = InProgress,
        [(InProgress, RequestInformation)] = WaitingForCitizen,
        [(InProgress, CitizenReply)] = InProgress,
        [(InProgress, AddInternalNote)] = InProgress,
        [(InProgress, Resolve)] = Resolved,
        [(InProgress, Reject)] = Rejected,
        [(InProgress, Withdraw)] = Withdrawn,

        [(WaitingForCitizen, Assign)] = WaitingForCitizen,
        [(WaitingForCitizen, Reply)] = InProgress,
        [(WaitingForCitizen, CitizenReply)] = InProgress,
        [(WaitingForCitizen, AddInternalNote)] = WaitingForCitizen,
        [(WaitingForCitizen, Resolve)] = Resolved,
        [(WaitingForCitizen, Reject)] = Rejected,
        [(WaitingForCitizen, Withdraw)] = Withdrawn,

        [(Submitted, AwaitExternalParty)] = InProgress,
        [(InProgress, AwaitExternalParty)] = InProgress,
        [(WaitingForCitizen, AwaitExternalParty)] = InProgress,

        [(Resolved, CitizenReply)] = InProgress,
        [(Resolved, AddInternalNote)] = Resolved,
        [(Resolved, Rate)] = Closed,
        [(Resolved, Close)] = Closed,
        [(Resolved, AutoClose)] = Closed,

        [(Submitted, Merge)] = Closed,
        [(InProgress, Merge)] = Closed,
        [(WaitingForCitizen, Merge)] = Closed,
        [(Resolved, Merge)] = Closed,
        [(Submitted, ReceiveMerge)] = Submitted,
        [(InProgress, ReceiveMerge)] = InProgress,
        [(WaitingForCitizen, ReceiveMerge)] = WaitingForCitizen,
        [(Resolved, ReceiveMerge)] = Resolved,

        [(Closed, AddInternalNote)] = Closed,
        [(Withdrawn, AddInternalNote)] = Withdrawn,
        [(Rejected, AddInternalNote)] = Rejected,
        [(Appealed, AddInternalNote)] = Appealed,
    };

    // A complaint may also be appealed (rejected, or resolved or closed as not fully upheld), and a
    // supervisor upholds (worked again) or dismisses (closed) the appeal.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Complaint = new(Shared)
    {
        [(Resolved, Appeal)] = Appealed,
        [(Closed, Appeal)] = Appealed,
        [(Rejected, Appeal)] = Appealed,
        [(Appealed, UpholdAppeal)] = InProgress,
        [(Appealed, DismissAppeal)] = Closed,
    };

    // An inquiry moves as a complaint does, without appeals; only its outcome differs.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Inquiry = new(Shared);

    // A suggestion is not reopened by a reply, and one under study comes back on its follow-up date.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Suggestion = new(Shared)
    {
        [(Resolved, CitizenReply)] = Resolved,
        [(Resolved, FollowUpDue)] = InProgress,
    };

    private static Dictionary<(TicketStatus, TicketTrigger), TicketStatus> LifecycleOf(TicketType type) => type switch
    {
        TicketType.Complaint => Complaint,
        TicketType.Inquiry => Inquiry,
        _ => Suggestion,
    };

    public static TheoryData<TicketType, TicketStatus, TicketTrigger, TicketStatus> AllowedMoves()
    {
        var data = new TheoryData<TicketType, TicketStatus, TicketTrigger, TicketStatus>();
        foreach (var type in Enum.GetValues<TicketType>())
        {
            foreach (var ((from, trigger), to) in LifecycleOf(type).Where(m => Reachable(type, m.Key.Item1)))
            {
                data.Add(type, from, trigger, to);
            }
        }

        return data;
    }

    public static TheoryData<TicketType, TicketStatus, TicketTrigger> RefusedMoves()
    {
        var data = new TheoryData<TicketType, TicketStatus, TicketTrigger>();
        foreach (var type in Enum.GetValues<TicketType>())
        {
            foreach (var from in Enum.GetValues<TicketStatus>().Where(status => Reachable(type, status)))
            {
                foreach (var trigger in Enum.GetValues<TicketTrigger>().Where(t => !LifecycleOf(type).ContainsKey((from, t))))
                {
                    data.Add(type, from, trigger);
                }
            }
        }

        return data;
    }

    // Only a complaint is ever appealed.
    private static bool Reachable(TicketType type, TicketStatus status) => status != Appealed || type == TicketType.Complaint;

    [Theory]
    [InlineData(TicketType.Complaint)]
    [InlineData(TicketType.Inquiry)]
    [InlineData(TicketType.Suggestion)]
    public void Each_type_s_table_allows_exactly_its_lifecycle_moves(TicketType type)
    {
        TicketLifecycle.For(type).Transitions
            .Select(t => ((t.From, t.Trigger), t.To))
            .Should().BeEquivalentTo(LifecycleOf(type).Select(entry => (entry.Key, entry.Value)));
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_ends_in_the_status_the_lifecycle_names(TicketType type, TicketStatus from, TicketTrigger trigger, TicketStatus expected)
    {
        var scenario = new TicketScenario();
        var ticket = scenario.InStatus(
            from, type, trigger == FollowUpDue ? TicketOutcome.UnderStudy : trigger == Appeal ? TicketOutcome.NotUpheld : null);
        var version = ticket.Version;

        scenario.Fire(ticket, trigger);

        ticket.Status.Should().Be(expected);
        ticket.UpdateTime.Should().Be(scenario.Now);

        // Every entry is one version. Beside the move, a pause of the clock it ends has its entry before
        // it (RESUMED), and the pause a question opens has one after it (PAUSED).
        var entries = ticket.History.Where(h => h.Sequence > version).OrderBy(h => h.Sequence).ToList();
        ticket.Version.Should().Be(version + entries.Count);
        entries.Should().HaveCountLessThanOrEqualTo(2).And.OnlyContain(h => h.CreateTime == scenario.Now);
        var move = entries.Last(h => h.Action != TicketAction.Resumed && !(trigger == RequestInformation && h.Action == TicketAction.Paused));
        move.Should().BeEquivalentTo(new { FromStatus = from, ToStatus = expected });
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void A_move_outside_the_lifecycle_is_refused_and_changes_nothing(TicketType type, TicketStatus from, TicketTrigger trigger)
    {
        var scenario = new TicketScenario();
        var ticket = scenario.InStatus(from, type);
        var version = ticket.Version;
        var historyCount = ticket.History.Count;
        var messageCount = ticket.Messages.Count;

        var act = () => scenario.Fire(ticket, trigger);

        // Merging into a final ticket is refused by name (an appealed one, with the supervisors, is
        // outside the lifecycle), and so is an appeal refused (not appealable, or appealed already); every
        // other move as outside the lifecycle.
        var reason = trigger == ReceiveMerge && from != Appealed ? ErrorReason.MergeTargetClosed
            : trigger != Appeal ? ErrorReason.InvalidTicketTransition
            : from == Appealed ? ErrorReason.AppealAlreadyLodged
            : ErrorReason.AppealNotAllowed;
        act.Should().Throw<TahseenException>().Which.Reason.Should().Be(reason);
        ticket.Status.Should().Be(from);
        ticket.Version.Should().Be(version);
        ticket.History.Should().HaveCount(historyCount);
        ticket.Messages.Should().HaveCount(messageCount);
    }
}
