using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Tickets;
using PauseReason = Tahseen.Contracts.V1.PauseReason;
using SlaState = Tahseen.Contracts.V1.SlaState;
using TicketStatus = Tahseen.Contracts.V1.TicketStatus;
using WorkingCalendar = Tahseen.Domain.Tickets.WorkingCalendar;

namespace Tahseen.Grpc.Tests.Calendar;

/// <summary>
/// The stop-the-clock ledger: AwaitExternalParty and RequestInformation stop a ticket's clock, the next
/// action starts it again, the due time moves later by the paused working time (weekends and holidays
/// never count), and a ticket pauses at most Sla:MaxPauses (3) times and Sla:MaxPausedWorkingDays (10)
/// in all. Every test starts its own week at a known Riyadh day and hour, one with no holiday, so that
/// the expected times are written out by hand.
/// </summary>
public sealed class PauseLedgerTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Three_pauses_then_a_fourth_is_refused_and_net_and_gross_compliance_differ_by_the_paused_time()
    {
        // Sunday 10:00: a complaint is due five working days later, at the end of the working day (14:30) next Sunday.
        var start = AdvanceTo(DayOfWeek.Sunday, 10);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());
        var originalDue = ticket.DueTime.ToDateTimeOffset();
        originalDue.Should().Be(start.AddDays(7).AddHours(4.5));
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        ticket.PausedDuration.Should().BeNull("a ticket that never paused has no paused duration");

        // First pause: another agency, one working day (Sunday to Monday).
        var paused = await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingOtherAgency, "Passports Directorate");
        paused.Ticket.Status.Should().Be(TicketStatus.InProgress);
        paused.Ticket.SlaState.Should().Be(SlaState.Paused);
        paused.Ticket.PauseCount.Should().Be(1);
        paused.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.Zero);
        paused.Ticket.Messages.Last().Body.Should().Be("We asked the Passports Directorate for your record.");
        factory.Clock.Advance(TimeSpan.FromHours(24));
        staff = await _kit.DeskAsync();
        var open = await StaffViewAsync(staff, ticket.TicketId);
        open.Ticket.SlaState.Should().Be(SlaState.Paused);
        open.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(24), "an open pause counts to now");
        var resumed = await ReplyAsync(staff, ticket.TicketId);
        resumed.Ticket.SlaState.Should().Be(SlaState.OnTrack);
        resumed.Ticket.DueTime.ToDateTimeOffset().Should().Be(originalDue.AddHours(24));

        // Second pause: documents, one hour.
        await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingDocuments, "Municipality");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        citizen = await _kit.RefreshedAsync(citizen);
        await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "I sent the papers.", RequestId = Guid.NewGuid().ToString() },
            citizen.Options());

        // Third pause: a question to the citizen, one hour.
        staff = await _kit.DeskAsync();
        var asked = await _kit.Staff.RequestInformationAsync(
            new RequestInformationRequest { TicketId = ticket.TicketId, Body = "Which office issued the card?", RequestId = Guid.NewGuid().ToString() },
            staff.Options());
        asked.Ticket.SlaState.Should().Be(SlaState.Paused);
        asked.Ticket.PauseCount.Should().Be(3);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        citizen = await _kit.RefreshedAsync(citizen);
        await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "Riyadh.", RequestId = Guid.NewGuid().ToString() },
            citizen.Options());

        // A fourth is refused, and changes nothing.
        staff = await _kit.DeskAsync();
        var refused = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.AwaitingFieldVisit, "Field team"), staff.Options())
            .FailsWith(StatusCode.FailedPrecondition);
        refused.Reason.Should().Be("PAUSE_LIMIT_REACHED");
        var afterThree = await StaffViewAsync(staff, ticket.TicketId);
        afterThree.Ticket.PauseCount.Should().Be(3);
        afterThree.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(26));
        afterThree.Ticket.SlaState.Should().Be(SlaState.OnTrack);
        var extendedDue = originalDue.AddHours(26);
        afterThree.Ticket.DueTime.ToDateTimeOffset().Should().Be(extendedDue);
        afterThree.History.Count(h => h.Action == "PAUSED").Should().Be(3);
        afterThree.History.Count(h => h.Action == "RESUMED").Should().Be(3);
        afterThree.History.Select(h => h.Action).Should().ContainInOrder("PAUSED", "RESUMED", "REPLIED", "PAUSED", "RESUMED", "CITIZEN_REPLIED");

        // Beyond the limit a question is still asked, but the clock runs on: no pause, the due time stays.
        var unpausedQuestion = await _kit.Staff.RequestInformationAsync(
            new RequestInformationRequest { TicketId = ticket.TicketId, Body = "And the card number?", RequestId = Guid.NewGuid().ToString() },
            staff.Options());
        unpausedQuestion.Ticket.Status.Should().Be(TicketStatus.WaitingForCitizen);
        unpausedQuestion.Ticket.SlaState.Should().Be(SlaState.OnTrack);
        unpausedQuestion.Ticket.PauseCount.Should().Be(3);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        citizen = await _kit.RefreshedAsync(citizen);
        var answered = (await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "1234.", RequestId = Guid.NewGuid().ToString() },
            citizen.Options())).Ticket;
        answered.DueTime.ToDateTimeOffset().Should().Be(extendedDue, "the two hours of that wait were the service's");
        answered.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(26));

        // Resolved after the original due time, before the one the pauses extended: late gross, on time net.
        factory.Clock.SetUtcNow(originalDue.AddHours(1));
        staff = await _kit.DeskAsync();
        await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "A new card is ready.", Outcome = TicketOutcome.Upheld }, staff.Options());

        var statistics = await _kit.Staff.GetTicketStatisticsAsync(
            new GetTicketStatisticsRequest
            {
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start),
                EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start.AddMinutes(1)),
            },
            staff.Options());
        statistics.Total.Should().Be(1);
        statistics.GrossResolvedWithinDueRatio.Should().Be(0);
        statistics.NetResolvedWithinDueRatio.Should().Be(1);
        statistics.ResolvedWithinDueRatio.Should().Be(statistics.NetResolvedWithinDueRatio);
        statistics.PausedTimeByReason.Select(p => (p.Reason, p.PauseCount, p.TotalPausedDuration.ToTimeSpan())).Should().Equal(
            (PauseReason.WaitingForCitizen, 1L, TimeSpan.FromHours(1)),
            (PauseReason.AwaitingOtherAgency, 1L, TimeSpan.FromHours(24)),
            (PauseReason.AwaitingDocuments, 1L, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task A_pause_across_a_weekend_counts_Thursday_and_Sunday_but_not_Friday_and_Saturday()
    {
        // Thursday 12:00: due the next Thursday 12:00.
        var thursday = AdvanceTo(DayOfWeek.Thursday, 12);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());
        var originalDue = ticket.DueTime.ToDateTimeOffset();
        RiyadhDay(originalDue).Should().Be(RiyadhDay(thursday).AddDays(7));
        await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingOtherAgency, "Ministry of Interior");

        // Three calendar days later, Sunday 12:00: Thursday's last 12 hours and Sunday's first 12 count.
        factory.Clock.SetUtcNow(thursday.AddDays(3));
        staff = await _kit.DeskAsync();
        var resumed = await ReplyAsync(staff, ticket.TicketId);

        resumed.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(24));
        // One working day after the due Thursday is the Sunday after it, at the same time of day.
        resumed.Ticket.DueTime.ToDateTimeOffset().Should().Be(originalDue.AddDays(3));
        resumed.History.Should().Contain(h => h.Action == "RESUMED" && h.ActorAccountId == staff.AccountId);
    }

    [Fact]
    public async Task A_pause_across_a_holiday_leaves_the_holiday_out()
    {
        // Monday 12:00, with the Tuesday after it declared a holiday.
        var monday = AdvanceTo(DayOfWeek.Monday, 12);
        var tuesday = DateOnly.FromDateTime(monday.ToOffset(Riyadh).DateTime).AddDays(1);
        var admin = await _kit.DeskAsync(Role.Admin);
        var holiday = (await _kit.Admin.SetHolidayAsync(
            new SetHolidayRequest { StartDate = Text(tuesday), EndDate = Text(tuesday), NameAr = "يوم اختبار", NameEn = "Test day" },
            admin.Options())).Holiday;
        try
        {
            var citizen = await _kit.CitizenAsync();
            var staff = await _kit.DeskAsync();
            var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());
            // Five working days from Monday, the Tuesday not among them: the next Tuesday.
            var originalDue = ticket.DueTime.ToDateTimeOffset();
            RiyadhDay(originalDue).Should().Be(tuesday.AddDays(7));
            await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingFieldVisit, "Field team");

            // Wednesday 12:00: Monday's last 12 hours and Wednesday's first 12; the holiday counts nothing.
            factory.Clock.SetUtcNow(monday.AddDays(2));
            citizen = await _kit.RefreshedAsync(citizen);
            var resumed = (await _kit.Tickets.AddTicketMessageAsync(
                new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "The visit took place.", RequestId = Guid.NewGuid().ToString() },
                citizen.Options())).Ticket;

            resumed.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(24));
            resumed.DueTime.ToDateTimeOffset().Should().Be(originalDue.AddDays(1), "one working day later: the Wednesday");
            resumed.SlaState.Should().Be(SlaState.OnTrack);
        }
        finally
        {
            admin = await _kit.DeskAsync(Role.Admin);
            await _kit.Admin.DeleteHolidayAsync(new DeleteHolidayRequest { HolidayId = holiday.HolidayId }, admin.Options());
        }
    }

    [Fact]
    public async Task Paused_time_is_capped_at_MaxPausedWorkingDays_the_escalation_job_leaves_a_paused_ticket_alone_and_then_no_pause_is_left()
    {
        // Sunday 10:00; the pause lasts sixteen calendar days, twelve working days, past the original due time.
        var start = AdvanceTo(DayOfWeek.Sunday, 10, weeks: 4);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());
        var originalDue = ticket.DueTime.ToDateTimeOffset();
        await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingOtherAgency, "Ministry of Justice");

        factory.Clock.SetUtcNow(start.AddDays(8));
        citizen = await _kit.RefreshedAsync(citizen);
        staff = await _kit.DeskAsync();
        factory.Clock.SetUtcNow(start.AddDays(16));
        await factory.Services.GetRequiredService<SlaEscalationJob>().CheckAsync(CancellationToken.None);
        staff = await _kit.DeskAsync();
        var waiting = await StaffViewAsync(staff, ticket.TicketId);
        waiting.Ticket.SlaState.Should().Be(SlaState.Paused, "the original due time passed while the clock stood still");
        waiting.Ticket.Escalated.Should().BeFalse();
        waiting.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromDays(10), "twelve working days, ten of them count");
        waiting.History.Should().NotContain(h => h.Action == "SLA_AT_RISK" || h.Action == "ESCALATED");

        var resumed = await ReplyAsync(staff, ticket.TicketId);
        resumed.Ticket.PausedDuration.ToTimeSpan().Should().Be(TimeSpan.FromDays(10));
        // Ten working days later than the original due time: two weeks on, the same day and hour.
        resumed.Ticket.DueTime.ToDateTimeOffset().Should().Be(originalDue.AddDays(14));

        var refused = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.AwaitingDocuments, "Court"), staff.Options())
            .FailsWith(StatusCode.FailedPrecondition);
        refused.Reason.Should().Be("PAUSE_LIMIT_REACHED");
        refused.Localized!.Message.Should().Contain("3").And.Contain("10");

        var asked = await _kit.Staff.RequestInformationAsync(
            new RequestInformationRequest { TicketId = ticket.TicketId, Body = "Did the court write to you?", RequestId = Guid.NewGuid().ToString() },
            staff.Options());
        asked.Ticket.Status.Should().Be(TicketStatus.WaitingForCitizen);
        asked.Ticket.SlaState.Should().NotBe(SlaState.Paused, "no paused time is left");
        asked.Ticket.PauseCount.Should().Be(1);
        asked.Ticket.DueTime.Should().Be(resumed.Ticket.DueTime);
    }

    [Fact]
    public async Task Two_overlapping_pauses_for_the_last_one_left_one_pauses_and_the_other_is_refused()
    {
        AdvanceTo(DayOfWeek.Sunday, 9);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());
        for (var pause = 0; pause < 2; pause++)
        {
            await AwaitAsync(staff, ticket.TicketId, PauseReason.AwaitingOtherAgency, "Passports Directorate");
            factory.Clock.Advance(TimeSpan.FromMinutes(30));
            staff = await _kit.DeskAsync();
            await ReplyAsync(staff, ticket.TicketId);
        }

        var outcomes = await Overlapping.RunAsync(2, index => _kit.Staff.AwaitExternalPartyAsync(
            Await(ticket.TicketId, PauseReason.AwaitingDocuments, $"Office {index}"), staff.Options()).ResponseAsync);

        outcomes.Count(o => o == "OK").Should().Be(1);
        outcomes.Where(o => o != "OK").Should().ContainSingle().Which.Should().BeOneOf("PAUSE_LIMIT_REACHED", "CONCURRENT_UPDATE");
        var view = await StaffViewAsync(staff, ticket.TicketId);
        view.Ticket.PauseCount.Should().Be(3);
        view.Ticket.SlaState.Should().Be(SlaState.Paused);
        view.History.Count(h => h.Action == "PAUSED").Should().Be(3);
        view.Ticket.Messages.Count(m => m.Body == "We asked the Passports Directorate for your record.").Should().Be(3);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_pauses_once_and_bad_input_is_refused()
    {
        AdvanceTo(DayOfWeek.Sunday, 11);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket());

        var request = Await(ticket.TicketId, PauseReason.AwaitingOtherAgency, "Passports Directorate");
        var first = await _kit.Staff.AwaitExternalPartyAsync(request, staff.Options());
        var again = await _kit.Staff.AwaitExternalPartyAsync(request, staff.Options());
        again.Ticket.PauseCount.Should().Be(1);
        again.Ticket.UpdateTime.Should().Be(first.Ticket.UpdateTime);
        first.Ticket.Status.Should().Be(TicketStatus.InProgress, "a submitted ticket is worked once staff wait on its behalf");

        var citizenOwn = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.WaitingForCitizen, "Citizen"), staff.Options())
            .FailsWith(StatusCode.InvalidArgument);
        citizenOwn.Reason.Should().Be("FIELD_INVALID");
        var noParty = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.AwaitingDocuments, " "), staff.Options())
            .FailsWith(StatusCode.InvalidArgument);
        noParty.Reason.Should().Be("FIELD_REQUIRED");
        var noReason = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.Unspecified, "Court"), staff.Options())
            .FailsWith(StatusCode.InvalidArgument);
        noReason.Reason.Should().Be("FIELD_REQUIRED");
        var byCitizen = await _kit.Staff.AwaitExternalPartyAsync(Await(ticket.TicketId, PauseReason.AwaitingDocuments, "Court"), citizen.Options())
            .FailsWith(StatusCode.PermissionDenied);
        byCitizen.Reason.Should().Be("FORBIDDEN");
    }

    private static AwaitExternalPartyRequest Await(string ticketId, PauseReason reason, string party) => new()
    {
        TicketId = ticketId,
        ReasonCode = reason,
        Party = party,
        Body = "We asked the Passports Directorate for your record.",
        RequestId = Guid.NewGuid().ToString(),
    };

    private Task<AwaitExternalPartyResponse> AwaitAsync(Caller staff, string ticketId, PauseReason reason, string party) =>
        _kit.Staff.AwaitExternalPartyAsync(Await(ticketId, reason, party), staff.Options()).ResponseAsync;

    private Task<ReplyToTicketResponse> ReplyAsync(Caller staff, string ticketId) =>
        _kit.Staff.ReplyToTicketAsync(
            new ReplyToTicketRequest { TicketId = ticketId, Body = "We heard back; we carry on.", RequestId = Guid.NewGuid().ToString() },
            staff.Options()).ResponseAsync;

    private Task<StaffTicketServiceGetTicketResponse> StaffViewAsync(Caller staff, string ticketId) =>
        _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options()).ResponseAsync;

    /// <summary>
    /// Moves the shared clock forward to the next <paramref name="day"/> at <paramref name="hour"/> in Riyadh
    /// that begins <paramref name="weeks"/> weeks with no holiday, so that every working day a test counts
    /// on is one.
    /// </summary>
    private DateTimeOffset AdvanceTo(DayOfWeek day, int hour, int weeks = 3)
    {
        var holidays = factory.Services.GetRequiredService<WorkingCalendar>().Holidays;
        var date = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(Riyadh).DateTime).AddDays(1);
        while (date.DayOfWeek != day || Enumerable.Range(-7, 7 * (weeks + 1)).Any(offset => holidays.Contains(date.AddDays(offset))))
        {
            date = date.AddDays(1);
        }

        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), Riyadh).ToUniversalTime();
        factory.Clock.SetUtcNow(target);
        return target;
    }

    private static DateOnly RiyadhDay(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Riyadh).DateTime);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
