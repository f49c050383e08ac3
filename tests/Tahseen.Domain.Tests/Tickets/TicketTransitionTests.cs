using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;
using static Tahseen.Domain.Tickets.TicketStatus;
using static Tahseen.Domain.Tickets.TicketTrigger;

namespace Tahseen.Domain.Tests.Tickets;

public class TicketTransitionTests
{
    // The lifecycle as product.md tells it, written out independently of the production table.
    private static readonly Dictionary<(TicketStatus, TicketTrigger), TicketStatus> Lifecycle = new()
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

        [(Resolved, CitizenReply)] = InProgress,
        [(Resolved, AddInternalNote)] = Resolved,
        [(Resolved, Rate)] = Closed,
        [(Resolved, Close)] = Closed,
        [(Resolved, AutoClose)] = Closed,

        [(Closed, AddInternalNote)] = Closed,
        [(Withdrawn, AddInternalNote)] = Withdrawn,
        [(Rejected, AddInternalNote)] = Rejected,
    };

    public static TheoryData<TicketStatus, TicketTrigger, TicketStatus> AllowedMoves()
    {
        var data = new TheoryData<TicketStatus, TicketTrigger, TicketStatus>();
        foreach (var ((from, trigger), to) in Lifecycle)
        {
            data.Add(from, trigger, to);
        }

        return data;
    }

    public static TheoryData<TicketStatus, TicketTrigger> RefusedMoves()
    {
        var data = new TheoryData<TicketStatus, TicketTrigger>();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var trigger in Enum.GetValues<TicketTrigger>().Where(t => !Lifecycle.ContainsKey((from, t))))
            {
                data.Add(from, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void The_transition_table_allows_exactly_the_lifecycle_moves()
    {
        TicketStateMachine.Transitions
            .Select(t => ((t.From, t.Trigger), t.To))
            .Should().BeEquivalentTo(Lifecycle.Select(entry => (entry.Key, entry.Value)));
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_ends_in_the_status_the_lifecycle_names(TicketStatus from, TicketTrigger trigger, TicketStatus expected)
    {
        var scenario = new TicketScenario();
        var ticket = scenario.InStatus(from);
        var version = ticket.Version;

        scenario.Fire(ticket, trigger);

        ticket.Status.Should().Be(expected);
        ticket.Version.Should().Be(version + 1);
        ticket.UpdateTime.Should().Be(scenario.Now);
        ticket.History.Last().Should().BeEquivalentTo(new { FromStatus = from, ToStatus = expected, CreateTime = scenario.Now });
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void A_move_outside_the_lifecycle_is_refused_and_changes_nothing(TicketStatus from, TicketTrigger trigger)
    {
        var scenario = new TicketScenario();
        var ticket = scenario.InStatus(from);
        var version = ticket.Version;
        var historyCount = ticket.History.Count;
        var messageCount = ticket.Messages.Count;

        var act = () => scenario.Fire(ticket, trigger);

        act.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.InvalidTicketTransition);
        ticket.Status.Should().Be(from);
        ticket.Version.Should().Be(version);
        ticket.History.Should().HaveCount(historyCount);
        ticket.Messages.Should().HaveCount(messageCount);
    }
}
