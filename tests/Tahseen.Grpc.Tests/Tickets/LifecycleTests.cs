using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>
/// Per-type lifecycles through the service: outcomes on ResolveTicket, closure reasons on every final
/// status, a suggestion that a reply does not reopen, and one under study that the follow-up job
/// returns to the desk on its date (the job is called with the fake clock; the host runs it too).
/// </summary>
public sealed class LifecycleTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private TicketFollowUpJob FollowUps => factory.Services.GetRequiredService<TicketFollowUpJob>();

    private TicketAutoCloseJob AutoClose => factory.Services.GetRequiredService<TicketAutoCloseJob>();

    private DateOnly RiyadhToday => DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).DateTime);

    [Fact]
    public async Task Resolving_without_an_outcome_is_refused_by_the_domain_and_changes_nothing()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);

        var error = await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Done." }, staff.Options())
            .FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("OUTCOME_REQUIRED");
        var view = await DeskViewAsync(staff, ticket.TicketId);
        view.Ticket.Status.Should().Be(TicketStatus.Submitted);
        view.Ticket.Messages.Should().BeEmpty();
    }

    [Theory]
    [InlineData(TicketType.Complaint, TicketOutcome.Adopted)]
    [InlineData(TicketType.Complaint, TicketOutcome.Answered)]
    [InlineData(TicketType.Inquiry, TicketOutcome.Upheld)]
    [InlineData(TicketType.Suggestion, TicketOutcome.NotUpheld)]
    public async Task Another_type_s_outcome_is_invalid_argument(TicketType type, TicketOutcome outcome)
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(type));

        var error = await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Done.", Outcome = outcome }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("OUTCOME_TYPE_MISMATCH");
        error.BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("outcome");
        (await DeskViewAsync(staff, ticket.TicketId)).Ticket.Status.Should().Be(TicketStatus.Submitted);
    }

    [Fact]
    public async Task An_outcome_number_the_contract_does_not_know_is_a_field_violation()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);

        var error = await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Done.", Outcome = (TicketOutcome)99 }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().ContainSingle().Which.Should().Match<Google.Rpc.BadRequest.Types.FieldViolation>(v =>
            v.Field == "outcome" && v.Reason == "FIELD_INVALID");
    }

    [Theory]
    [InlineData(TicketType.Complaint, TicketOutcome.Upheld)]
    [InlineData(TicketType.Complaint, TicketOutcome.PartiallyUpheld)]
    [InlineData(TicketType.Complaint, TicketOutcome.NotUpheld)]
    [InlineData(TicketType.Inquiry, TicketOutcome.Answered)]
    [InlineData(TicketType.Suggestion, TicketOutcome.Adopted)]
    [InlineData(TicketType.Suggestion, TicketOutcome.Declined)]
    public async Task Each_type_resolves_with_its_own_outcomes_and_a_rating_closes_it_as_rated(TicketType type, TicketOutcome outcome)
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(type));

        var resolved = await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Done.", Outcome = outcome }, staff.Options());
        resolved.Ticket.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.Resolved && t.Outcome == outcome && t.ClosureReason == ClosureReason.Unspecified && t.FollowUpDate == string.Empty);

        var rated = await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = ticket.TicketId, Score = 4 }, citizen.Options());
        rated.Ticket.Should().Match<Ticket>(t => t.Status == TicketStatus.Closed && t.ClosureReason == ClosureReason.Rated && t.Outcome == outcome);
    }

    [Fact]
    public async Task Every_other_end_sets_its_closure_reason()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();

        var withdrawn = await _kit.SubmitAsync(citizen);
        (await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId }, citizen.Options()))
            .Ticket.ClosureReason.Should().Be(ClosureReason.Withdrawn);

        var rejected = await _kit.SubmitAsync(citizen);
        (await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = rejected.TicketId, Reason = "Out of scope." }, staff.Options()))
            .Ticket.ClosureReason.Should().Be(ClosureReason.RejectedOutOfScope);

        var closed = await _kit.SubmitAsync(citizen);
        await ResolveAsync(staff, closed.TicketId, TicketOutcome.Upheld);
        (await _kit.Staff.CloseTicketAsync(new CloseTicketRequest { TicketId = closed.TicketId }, staff.Options()))
            .Ticket.ClosureReason.Should().Be(ClosureReason.ClosedByStaff);

        var unrated = await _kit.SubmitAsync(citizen);
        await ResolveAsync(staff, unrated.TicketId, TicketOutcome.NotUpheld);
        factory.Clock.Advance(Tahseen.Domain.Tickets.Ticket.DefaultAutoCloseDelay);
        await AutoClose.CloseDueTicketsAsync(CancellationToken.None);
        staff = await _kit.RefreshedAsync(staff);
        (await DeskViewAsync(staff, unrated.TicketId)).Ticket.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.Closed && t.ClosureReason == ClosureReason.AutoClosed && t.Outcome == TicketOutcome.NotUpheld);
    }

    [Fact]
    public async Task A_reply_to_a_resolved_suggestion_is_added_without_reopening_it_while_a_complaint_reopens()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var suggestion = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion, "Longer opening hours"));
        var complaint = await _kit.SubmitAsync(citizen);
        await ResolveAsync(staff, suggestion.TicketId, TicketOutcome.Declined);
        await ResolveAsync(staff, complaint.TicketId, TicketOutcome.NotUpheld);

        var replied = await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = suggestion.TicketId, Body = "Please think again." }, citizen.Options());
        var reopened = await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = complaint.TicketId, Body = "Not solved." }, citizen.Options());

        replied.Ticket.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.Resolved && t.Outcome == TicketOutcome.Declined && t.Messages.Last().Body == "Please think again.");
        (await DeskViewAsync(staff, suggestion.TicketId)).History.Last().Should().Match<TicketHistoryEntry>(h =>
            h.Action == "CITIZEN_REPLIED" && h.FromStatus == TicketStatus.Resolved && h.ToStatus == TicketStatus.Resolved);
        reopened.Ticket.Should().Match<Ticket>(t => t.Status == TicketStatus.InProgress && t.Outcome == TicketOutcome.Unspecified);
    }

    [Fact]
    public async Task Under_study_needs_a_follow_up_date_in_the_coming_year_and_no_other_outcome_takes_one()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var suggestion = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion, "A queue display"));
        var today = RiyadhToday;

        async Task<(string? Field, string? Reason)> RefusedAsync(TicketOutcome outcome, string followUpDate)
        {
            var error = await _kit.Staff.ResolveTicketAsync(
                new ResolveTicketRequest { TicketId = suggestion.TicketId, Body = "We will study it.", Outcome = outcome, FollowUpDate = followUpDate },
                staff.Options()).FailsWith(StatusCode.InvalidArgument);
            var violation = error.BadRequest!.FieldViolations.Should().ContainSingle().Subject;
            return (violation.Field, violation.Reason);
        }

        (await RefusedAsync(TicketOutcome.UnderStudy, string.Empty)).Should().Be(("follow_up_date", "FIELD_REQUIRED"));
        (await RefusedAsync(TicketOutcome.UnderStudy, Iso(today))).Should().Be(("follow_up_date", "FOLLOW_UP_DATE_OUT_OF_RANGE"));
        (await RefusedAsync(TicketOutcome.UnderStudy, Iso(today.AddDays(-3)))).Should().Be(("follow_up_date", "FOLLOW_UP_DATE_OUT_OF_RANGE"));
        (await RefusedAsync(TicketOutcome.UnderStudy, Iso(today.AddDays(366)))).Should().Be(("follow_up_date", "FOLLOW_UP_DATE_OUT_OF_RANGE"));
        (await RefusedAsync(TicketOutcome.UnderStudy, "2027/01/05")).Should().Be(("follow_up_date", "FIELD_INVALID"));
        (await RefusedAsync(TicketOutcome.Adopted, Iso(today.AddDays(10)))).Should().Be(("follow_up_date", "FIELD_INVALID"));
        (await DeskViewAsync(staff, suggestion.TicketId)).Ticket.Status.Should().Be(TicketStatus.Submitted);

        var studied = await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = suggestion.TicketId, Body = "We will study it.", Outcome = TicketOutcome.UnderStudy, FollowUpDate = Iso(today.AddDays(365)) },
            staff.Options());
        studied.Ticket.Should().Match<Ticket>(t => t.Outcome == TicketOutcome.UnderStudy && t.FollowUpDate == Iso(today.AddDays(365)));
    }

    [Fact]
    public async Task A_suggestion_under_study_is_not_closed_automatically_and_returns_to_the_desk_on_its_follow_up_date()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var suggestion = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion, "Evening appointments"));
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = suggestion.TicketId }, staff.Options());
        var followUp = RiyadhToday.AddDays(10);
        await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = suggestion.TicketId, Body = "Under study.", Outcome = TicketOutcome.UnderStudy, FollowUpDate = Iso(followUp) },
            staff.Options());

        // Past the automatic close, still before the day: neither job touches it.
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await AutoClose.CloseDueTicketsAsync(CancellationToken.None);
        await FollowUps.ReturnDueTicketsAsync(CancellationToken.None);
        staff = await _kit.RefreshedAsync(staff);
        (await DeskViewAsync(staff, suggestion.TicketId)).Ticket.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.Resolved && t.Outcome == TicketOutcome.UnderStudy);

        // The first minute of the day in Riyadh (21:00 UTC the day before).
        var dayStartsAt = new DateTimeOffset(followUp.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(3)).ToUniversalTime();
        factory.Clock.Advance(dayStartsAt - factory.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        staff = await _kit.RefreshedAsync(staff);
        await FollowUps.ReturnDueTicketsAsync(CancellationToken.None);
        (await DeskViewAsync(staff, suggestion.TicketId)).Ticket.Status.Should().Be(TicketStatus.Resolved);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var passes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FollowUps.ReturnDueTicketsAsync(CancellationToken.None)));
        passes.Sum().Should().BeLessThanOrEqualTo(1);

        var returned = await DeskViewAsync(staff, suggestion.TicketId);
        returned.Ticket.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.InProgress
            && t.AssigneeAccountId == staff.AccountId
            && t.Outcome == TicketOutcome.Unspecified
            && t.FollowUpDate == string.Empty
            && t.DueTime.ToDateTimeOffset() > factory.Clock.GetUtcNow());
        returned.History.Count(h => h.Action == "FOLLOW_UP_DUE").Should().Be(1);
        returned.History.Last().Should().Match<TicketHistoryEntry>(h =>
            h.Action == "FOLLOW_UP_DUE" && h.ActorRole == Role.Unspecified && h.FromStatus == TicketStatus.Resolved && h.ToStatus == TicketStatus.InProgress);

        // Back on the desk it is resolved again like any other.
        (await ResolveAsync(staff, suggestion.TicketId, TicketOutcome.Adopted)).Ticket.Outcome.Should().Be(TicketOutcome.Adopted);
    }

    [Fact]
    public async Task The_backfill_derives_the_closure_reason_of_tickets_closed_before_reasons_existed()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var rated = await _kit.SubmitAsync(citizen);
        await ResolveAsync(staff, rated.TicketId, TicketOutcome.Upheld);
        await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = rated.TicketId, Score = 5 }, citizen.Options());
        var byStaff = await _kit.SubmitAsync(citizen);
        await ResolveAsync(staff, byStaff.TicketId, TicketOutcome.Upheld);
        await _kit.Staff.CloseTicketAsync(new CloseTicketRequest { TicketId = byStaff.TicketId }, staff.Options());
        var withdrawn = await _kit.SubmitAsync(citizen);
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId }, citizen.Options());
        var rejected = await _kit.SubmitAsync(citizen);
        await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = rejected.TicketId, Reason = "Out of scope." }, staff.Options());
        var open = await _kit.SubmitAsync(citizen);
        var ids = new[] { rated, byStaff, withdrawn, rejected, open }.Select(t => Guid.Parse(t.TicketId)).ToList();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            await db.Tickets.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.ClosureReason, (Tahseen.Domain.Tickets.ClosureReason?)null));
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? DeskLifecycleBackfill.Sqlite : DeskLifecycleBackfill.PostgreSql);
        }

        var reasons = new List<ClosureReason>();
        foreach (var ticket in new[] { rated, byStaff, withdrawn, rejected, open })
        {
            reasons.Add((await DeskViewAsync(staff, ticket.TicketId)).Ticket.ClosureReason);
        }

        reasons.Should().Equal(
            ClosureReason.Rated, ClosureReason.ClosedByStaff, ClosureReason.Withdrawn, ClosureReason.RejectedOutOfScope, ClosureReason.Unspecified);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ResolveTicketResponse> ResolveAsync(Caller staff, string ticketId, TicketOutcome outcome) =>
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = ticketId, Body = "Done.", Outcome = outcome }, staff.Options());

    private async Task<StaffTicketServiceGetTicketResponse> DeskViewAsync(Caller staff, string ticketId) =>
        await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
}
