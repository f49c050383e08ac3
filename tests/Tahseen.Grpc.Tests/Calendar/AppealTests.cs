using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Desk;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using TicketStatus = Tahseen.Contracts.V1.TicketStatus;

namespace Tahseen.Grpc.Tests.Calendar;

/// <summary>
/// Appeals: a complaint's submitter appeals a rejection or a resolution not (fully) upheld to a
/// supervisor, once, within the window; a supervisor other than the one who decided it upholds or
/// dismisses the appeal.
/// </summary>
public sealed class AppealTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static int _people;

    private readonly TicketKit _kit = new(factory);

    private DeskKit Desk => new(_kit);

    private async Task<(Caller Caller, Account Account)> SupervisorAsync(string name)
    {
        var mobile = $"+9665900016{Interlocked.Increment(ref _people):D2}";
        var account = await Desk.EmployeeAsync(name, mobile, Role.Supervisor);
        return (await Desk.SignedInAsync(account, mobile), account);
    }

    private async Task<Ticket> ResolvedAsync(Caller citizen, Caller by, string categoryId, TicketOutcome outcome, TicketType type = TicketType.Complaint)
    {
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(type: type, categoryId: categoryId));
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, by.Options());
        return (await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Checked the records.", Outcome = outcome }, by.Options())).Ticket;
    }

    private Task<AppealTicketResponse> AppealAsync(Caller citizen, string ticketId) =>
        _kit.Tickets.AppealTicketAsync(
            new AppealTicketRequest { TicketId = ticketId, Reason = "The office did not look at my documents.", RequestId = Guid.NewGuid().ToString() },
            citizen.Options()).ResponseAsync;

    private static DecideAppealRequest Decide(string ticketId, AppealDecision decision) => new()
    {
        TicketId = ticketId, Decision = decision, Reason = "Reviewed the file again.", RequestId = Guid.NewGuid().ToString(),
    };

    [Fact]
    public async Task An_appeal_decided_by_the_one_who_resolved_it_is_refused_and_another_supervisor_upholds_it_back_in_progress_with_a_new_due_time()
    {
        var category = await Desk.CategoryAsync("Appeals");
        var (resolver, resolverAccount) = await SupervisorAsync("appeal.first");
        var (other, _) = await SupervisorAsync("appeal.second");
        var worker = await Desk.EmployeeAsync("appeal.worker", "+966590001699");
        await Desk.WorksAsync(worker.AccountId, category);
        await Desk.WorksAsync(resolverAccount.AccountId, category);
        var citizen = await _kit.CitizenAsync();

        var resolved = await ResolvedAsync(citizen, resolver, category, TicketOutcome.NotUpheld);
        var smsBefore = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        citizen = await _kit.RefreshedAsync(citizen);
        var appealed = (await AppealAsync(citizen, resolved.TicketId)).Ticket;
        appealed.Status.Should().Be(TicketStatus.Appealed);
        appealed.Appeal.Reason.Should().Be("The office did not look at my documents.");
        appealed.Appeal.Decision.Should().Be(AppealDecision.Unspecified);
        appealed.Appeal.DueTime.Should().Be(appealed.DueTime);
        appealed.DueTime.ToDateTimeOffset().Should().BeAfter(factory.Clock.GetUtcNow().AddDays(10));
        appealed.DueTime.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(3)).TimeOfDay.Should().Be(new TimeSpan(14, 30, 0), "the end of the working day");
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(smsBefore + 1);
        (await _kit.Harness.NextSmsAsync(citizen.MobileNumber, smsBefore)).Should().Contain(SmsDates.Arabic(appealed.DueTime), "the lodged appeal's due date, Hijri then Gregorian");

        // In the supervisors' queue.
        resolver = await _kit.RefreshedAsync(resolver);
        other = await _kit.RefreshedAsync(other);
        var queue = await _kit.Staff.ListTicketsAsync(new ListTicketsRequest { Status = TicketStatus.Appealed, PageSize = 100 }, other.Options());
        queue.Tickets.Select(t => t.TicketId).Should().Contain(resolved.TicketId);

        var self = await _kit.Staff.DecideAppealAsync(Decide(resolved.TicketId, AppealDecision.Uphold), resolver.Options())
            .FailsWith(StatusCode.PermissionDenied);
        self.Reason.Should().Be("APPEAL_SELF_DECISION");

        var staff = await _kit.DeskAsync();
        (await _kit.Staff.DecideAppealAsync(Decide(resolved.TicketId, AppealDecision.Uphold), staff.Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        other = await _kit.RefreshedAsync(other);
        var upheld = await _kit.Staff.DecideAppealAsync(Decide(resolved.TicketId, AppealDecision.Uphold), other.Options());
        upheld.Ticket.Status.Should().Be(TicketStatus.InProgress);
        upheld.Ticket.Outcome.Should().Be(TicketOutcome.Unspecified);
        upheld.Ticket.DueTime.ToDateTimeOffset().Should().BeAfter(factory.Clock.GetUtcNow()).And.NotBe(appealed.DueTime.ToDateTimeOffset());
        upheld.Ticket.DueTime.ToDateTimeOffset().Should().BeBefore(appealed.DueTime.ToDateTimeOffset());
        upheld.Ticket.AssigneeAccountId.Should().Be(worker.AccountId, "someone other than the one who resolved it, of the category");
        upheld.Ticket.Appeal.Decision.Should().Be(AppealDecision.Uphold);
        upheld.History.Select(h => h.Action).Should().ContainInOrder("RESOLVED", "APPEAL_LODGED", "APPEAL_UPHELD");
        upheld.Ticket.DueTime.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(3)).TimeOfDay.Should().Be(new TimeSpan(14, 30, 0));
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(smsBefore + 2);
        (await _kit.Harness.NextSmsAsync(citizen.MobileNumber, smsBefore + 1)).Should().Contain(SmsDates.Arabic(upheld.Ticket.DueTime));
    }

    [Fact]
    public async Task Only_the_submitters_rejected_or_not_upheld_complaint_is_appealable_within_the_window_and_a_dismissal_closes_it()
    {
        var category = await Desk.CategoryAsync("Appeal rules");
        var (supervisor, _) = await SupervisorAsync("appeal.rules");
        var staff = await _kit.DeskAsync();
        var citizen = await _kit.CitizenAsync();
        var stranger = await _kit.CitizenAsync();

        var upheld = await ResolvedAsync(citizen, staff, category, TicketOutcome.Upheld);
        (await AppealAsync(citizen, upheld.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_NOT_ALLOWED");
        var inquiry = await ResolvedAsync(citizen, staff, category, TicketOutcome.Answered, TicketType.Inquiry);
        (await AppealAsync(citizen, inquiry.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_NOT_ALLOWED");
        var open = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        (await AppealAsync(citizen, open.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_NOT_ALLOWED");

        var partly = await ResolvedAsync(citizen, staff, category, TicketOutcome.PartiallyUpheld);
        (await AppealAsync(stranger, partly.TicketId).FailsWith(StatusCode.NotFound)).Reason.Should().Be("TICKET_NOT_FOUND");

        var rejected = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = rejected.TicketId, Reason = "Out of scope" }, staff.Options());

        // Fifteen days later the window (14 days) has closed for the rejection; the partly upheld one is appealed on day 14.
        // (In steps: a session is refreshed within its 14 days.)
        factory.Clock.Advance(TimeSpan.FromDays(7));
        citizen = await _kit.RefreshedAsync(citizen);
        supervisor = await _kit.RefreshedAsync(supervisor);
        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        citizen = await _kit.RefreshedAsync(citizen);
        var appealed = (await AppealAsync(citizen, partly.TicketId)).Ticket;
        appealed.Status.Should().Be(TicketStatus.Appealed);
        (await AppealAsync(citizen, partly.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_ALREADY_LODGED");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        citizen = await _kit.RefreshedAsync(citizen);
        supervisor = await _kit.RefreshedAsync(supervisor);
        (await AppealAsync(citizen, rejected.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_WINDOW_CLOSED");

        var dismissed = await _kit.Staff.DecideAppealAsync(Decide(partly.TicketId, AppealDecision.Dismiss), supervisor.Options());
        dismissed.Ticket.Status.Should().Be(TicketStatus.Closed);
        dismissed.Ticket.ClosureReason.Should().Be(ClosureReason.AppealDismissed);
        dismissed.Ticket.Outcome.Should().Be(TicketOutcome.PartiallyUpheld);
        dismissed.Ticket.Appeal.Decision.Should().Be(AppealDecision.Dismiss);
        (await AppealAsync(citizen, partly.TicketId).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("APPEAL_ALREADY_LODGED");
        (await _kit.Staff.DecideAppealAsync(Decide(partly.TicketId, AppealDecision.Uphold), supervisor.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("INVALID_TICKET_TRANSITION");
    }

    [Fact]
    public async Task Ten_overlapping_appeals_of_one_ticket_lodge_exactly_one()
    {
        var category = await Desk.CategoryAsync("Appeal race");
        var staff = await _kit.DeskAsync();
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = ticket.TicketId, Reason = "Duplicate" }, staff.Options());

        var outcomes = await Overlapping.RunAsync(10, _ => AppealAsync(citizen, ticket.TicketId));
        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 1, ["APPEAL_ALREADY_LODGED"] = 9 });
        var view = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        view.History.Count(h => h.Action == "APPEAL_LODGED").Should().Be(1);
        view.Ticket.Messages.Count(m => m.AuthorRole == Role.Citizen).Should().Be(1);
    }
}
