using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

public class AppealTests
{
    [Fact]
    public void The_one_who_resolved_may_not_decide_and_another_upholds_it_back_in_progress_with_a_new_due_time_and_assignee()
    {
        var scenario = new TicketScenario();
        var ticket = scenario.InStatus(TicketStatus.Appealed);
        ticket.Appeal!.Decision.Should().BeNull();
        ticket.DueTime.Should().Be(ticket.Appeal.DueTime);

        var selfDecision = () => ticket.DecideAppeal(
            TicketScenario.Staff, ActorRole.Staff, AppealDecision.Uphold, "Fine.", scenario.Now, scenario.Now.AddDays(7), null);
        selfDecision.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.AppealSelfDecision);
        ticket.Status.Should().Be(TicketStatus.Appealed);

        var newDue = scenario.Now.AddDays(7);
        ticket.DecideAppeal(TicketScenario.Admin, ActorRole.Admin, AppealDecision.Uphold, "Agreed.", scenario.Now, newDue, (TicketScenario.OtherCitizen, "Another"));
        ticket.Status.Should().Be(TicketStatus.InProgress);
        ticket.DueTime.Should().Be(newDue);
        ticket.Outcome.Should().BeNull();
        ticket.AssigneeAccountId.Should().Be(TicketScenario.OtherCitizen);
        ticket.Appeal!.Decision.Should().Be(AppealDecision.Uphold);
        ticket.DomainEvents.OfType<TicketStatusChanged>().Last().ToStatus.Should().Be(TicketStatus.InProgress);
    }

    [Fact]
    public void A_complaint_is_appealable_once_within_the_window_and_a_dismissal_closes_it_with_its_reason()
    {
        var scenario = new TicketScenario();
        var rejected = scenario.InStatus(TicketStatus.Rejected);
        scenario.Later(TicketScenario.AppealWindow);
        var late = () => rejected.LodgeAppeal(TicketScenario.Citizen, "Late.", TicketScenario.AppealWindow, scenario.Now.AddDays(14), scenario.Now);
        late.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.AppealWindowClosed);

        var closed = scenario.InStatus(TicketStatus.Closed, outcome: TicketOutcome.PartiallyUpheld);
        closed.LodgeAppeal(TicketScenario.Citizen, "Only partly.", TicketScenario.AppealWindow, scenario.Now.AddDays(14), scenario.Now);
        closed.ClosureReason.Should().BeNull();
        closed.CloseTime.Should().BeNull();
        var again = () => closed.LodgeAppeal(TicketScenario.Citizen, "Again.", TicketScenario.AppealWindow, scenario.Now.AddDays(14), scenario.Now);
        again.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.AppealAlreadyLodged);

        closed.DecideAppeal(TicketScenario.Admin, ActorRole.Admin, AppealDecision.Dismiss, "Stands.", scenario.Now, scenario.Now, null);
        closed.Status.Should().Be(TicketStatus.Closed);
        closed.ClosureReason.Should().Be(ClosureReason.AppealDismissed);
        closed.Outcome.Should().Be(TicketOutcome.PartiallyUpheld);

        var stranger = () => scenario.InStatus(TicketStatus.Rejected)
            .LodgeAppeal(TicketScenario.OtherCitizen, "Not mine.", TicketScenario.AppealWindow, scenario.Now.AddDays(14), scenario.Now);
        stranger.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.TicketNotFound);
    }

    [Fact]
    public void A_restriction_applies_until_its_expire_time()
    {
        var now = new DateTimeOffset(2026, 1, 4, 6, 0, 0, TimeSpan.Zero);
        var limit = RequesterLimit.For(TicketScenario.Citizen);
        limit.ActiveAt(now).Should().BeNull();
        limit.Restrict(RequesterRestriction.SubmitBlocked, "Abuse", now.AddDays(2), TicketScenario.Admin, now);
        limit.ActiveAt(now.AddDays(2).AddTicks(-1)).Should().Be(RequesterRestriction.SubmitBlocked);
        limit.ActiveAt(now.AddDays(2)).Should().BeNull();
    }
}
