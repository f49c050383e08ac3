using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

/// <summary>The SLA rule on the one working calendar: weekends and holidays are not working time.</summary>
public class SlaPolicyTests
{
    // Tuesday 24 November 2026 is a holiday here.
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 11, 24)], WorkingCalendar.SaudiUtcOffset);
    private static readonly SlaPolicy Policy = new();

    private static DateTimeOffset Riyadh(int day, int hour) => new(2026, 11, day, hour, 0, 0, WorkingCalendar.SaudiUtcOffset);

    [Fact]
    public void Working_time_leaves_out_weekends_and_holidays()
    {
        // Sunday 12:00 to next Sunday 12:00: Sunday half, Monday, Wednesday, Thursday, Sunday half.
        Calendar.WorkingTimeBetween(Riyadh(22, 12), Riyadh(29, 12)).Should().Be(TimeSpan.FromDays(4));
        Calendar.WorkingTimeBetween(Riyadh(27, 0), Riyadh(29, 0)).Should().Be(TimeSpan.Zero, "Friday and Saturday");
        Calendar.WorkingTimeBetween(Riyadh(24, 0), Riyadh(25, 0)).Should().Be(TimeSpan.Zero, "the holiday");
        Calendar.WorkingTimeBetween(Riyadh(29, 12), Riyadh(22, 12)).Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(28, 20, false)] // Saturday: 79 % of the wall-clock time, 70 % of the working time.
    [InlineData(29, 8, false)]  // Sunday 08:00: 76.7 %.
    [InlineData(29, 12, true)]  // Sunday 12:00: exactly 80 %.
    [InlineData(30, 11, true)]
    public void At_risk_counts_working_time_only(int day, int hour, bool atRisk)
    {
        // Five working days at the submission's time of day (the due-time rule before issue 15, kept here
        // because these shares are computed for whatever due time a ticket has).
        var created = Riyadh(22, 12);
        var due = Riyadh(30, 12);

        Policy.IsAtRisk(created, due, Riyadh(day, hour), Calendar).Should().Be(atRisk);
        Policy.StateOf(TicketStatus.InProgress, created, due, escalated: false, paused: false, Riyadh(day, hour), Calendar)
            .Should().Be(atRisk ? SlaState.AtRisk : SlaState.OnTrack);
    }

    [Fact]
    public void Past_due_is_breached_while_the_clock_runs_paused_while_a_pause_is_open_and_an_answered_ticket_keeps_its_escalation()
    {
        var created = Riyadh(22, 12);
        var due = Riyadh(30, 12);
        var late = Riyadh(30, 13);

        Policy.StateOf(TicketStatus.Submitted, created, due, false, false, late, Calendar).Should().Be(SlaState.Breached);
        Policy.StateOf(TicketStatus.WaitingForCitizen, created, due, false, true, late, Calendar).Should().Be(SlaState.Paused);
        Policy.StateOf(TicketStatus.InProgress, created, due, false, true, late, Calendar).Should().Be(SlaState.Paused);
        Policy.StateOf(TicketStatus.WaitingForCitizen, created, due, false, false, late, Calendar)
            .Should().Be(SlaState.Breached, "a question asked beyond the pause limits does not stop the clock");
        Policy.StateOf(TicketStatus.Resolved, created, due, true, false, late, Calendar).Should().Be(SlaState.Breached);
        Policy.StateOf(TicketStatus.Closed, created, due, false, false, late, Calendar).Should().Be(SlaState.OnTrack);
    }

    [Theory]
    [InlineData(22, 12, 0, 22, 12)]   // Nothing to add.
    [InlineData(22, 12, 6, 22, 18)]   // Within the day.
    [InlineData(26, 12, 12, 27, 0)]   // Thursday's last 12 hours end at its midnight (Friday 00:00).
    [InlineData(26, 12, 18, 29, 6)]   // Past Thursday: Friday and Saturday are stepped over.
    [InlineData(23, 12, 18, 25, 6)]   // Monday 12:00 + 18 h: Tuesday the 24th is a holiday.
    [InlineData(27, 10, 6, 29, 6)]    // From a Friday: counts from Sunday's midnight.
    [InlineData(22, 0, 96, 27, 0)]    // Sunday 00:00 + 4 days: Sunday, Monday, Wednesday, Thursday (the holiday skipped).
    public void Adding_working_time_skips_weekends_and_holidays(int day, int hour, int hours, int expectedDay, int expectedHour)
    {
        Calendar.AddWorkingTime(Riyadh(day, hour), TimeSpan.FromHours(hours)).Should().Be(Riyadh(expectedDay, expectedHour));
    }

    [Theory]
    [InlineData(22, 9, 1)]
    [InlineData(23, 15, 30)]
    [InlineData(26, 23, 5)]
    [InlineData(27, 10, 50)]
    [InlineData(24, 8, 100)]
    public void Working_time_between_a_start_and_the_start_plus_working_time_is_that_working_time(int day, int hour, int hours)
    {
        var start = Riyadh(day, hour);
        var span = TimeSpan.FromHours(hours);

        var end = Calendar.AddWorkingTime(start, span);

        Calendar.WorkingTimeBetween(start, end).Should().Be(span);
        end.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_ticket_is_marked_at_risk_and_breached_once_per_due_time()
    {
        var scenario = new TicketScenario();
        var ticket = scenario.Submit(dueTime: scenario.Now.AddDays(2));
        ticket.ClearDomainEvents();

        ticket.MarkSlaAtRisk(scenario.Now.AddDays(1)).Should().BeTrue();
        ticket.MarkSlaAtRisk(scenario.Now.AddDays(1)).Should().BeFalse();
        ticket.MarkSlaBreached(scenario.Now.AddDays(1)).Should().BeFalse("not due yet");
        ticket.MarkSlaBreached(scenario.Now.AddDays(3)).Should().BeTrue();
        ticket.MarkSlaBreached(scenario.Now.AddDays(4)).Should().BeFalse();

        ticket.Escalated.Should().BeTrue();
        ticket.EscalateTime.Should().Be(scenario.Now.AddDays(3));
        ticket.Status.Should().Be(TicketStatus.Submitted);
        ticket.DomainEvents.Select(e => e.GetType()).Should().Equal(typeof(TicketSlaAtRisk), typeof(TicketSlaBreached));
        ticket.History.Select(h => h.Action).Should().EndWith([TicketAction.SlaAtRisk, TicketAction.Escalated]);
    }

    [Fact]
    public void A_ticket_first_seen_late_raises_only_the_breach()
    {
        var scenario = new TicketScenario();
        var ticket = scenario.Submit(dueTime: scenario.Now.AddDays(2));
        ticket.ClearDomainEvents();

        ticket.MarkSlaBreached(scenario.Now.AddDays(3)).Should().BeTrue();
        ticket.MarkSlaAtRisk(scenario.Now.AddDays(3)).Should().BeFalse();

        ticket.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<TicketSlaBreached>();
    }
}
