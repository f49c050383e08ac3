using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Saudi = new(WorkingCalendar.SaudiHolidays2026To2027, WorkingCalendar.SaudiUtcOffset);
    private static readonly DueTimePolicy Policy = new();

    private static DateTimeOffset Riyadh(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, WorkingCalendar.SaudiUtcOffset);

    // The due-time expectations below changed with the rule of issue 15: a due time is the end of the
    // working day (14:30 Riyadh), no longer the submission's own time of day, and a ticket sent after
    // 14:30 counts from the next working day.
    [Fact]
    public void A_complaint_submitted_on_a_Thursday_morning_is_due_the_next_Thursday_at_the_end_of_the_working_day()
    {
        var thursday = Riyadh(2026, 1, 8, 10, 30);

        var due = Policy.DueTime(TicketType.Complaint, thursday.ToUniversalTime(), Saudi);

        due.Should().Be(Riyadh(2026, 1, 15, 14, 30));
        due.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(14, 30, 0, 11)]
    [InlineData(14, 30, 1, 12)]
    [InlineData(23, 59, 59, 12)]
    public void A_complaint_submitted_after_the_end_of_the_working_day_counts_from_the_next_working_day(
        int hour, int minute, int second, int dueJanuaryDay)
    {
        var sunday = Riyadh(2026, 1, 4, hour, minute, second);

        Policy.DueTime(TicketType.Complaint, sunday, Saudi).Should().Be(Riyadh(2026, 1, dueJanuaryDay, 14, 30));
    }

    [Fact]
    public void A_complaint_submitted_on_Thursday_afternoon_counts_from_Sunday()
    {
        var thursdayAfternoon = Riyadh(2026, 1, 8, 15);

        Policy.DueTime(TicketType.Complaint, thursdayAfternoon, Saudi).Should().Be(Riyadh(2026, 1, 18, 14, 30));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public void A_complaint_submitted_on_the_weekend_counts_from_Sunday(int januaryDay)
    {
        var weekend = Riyadh(2026, 1, januaryDay, 14);

        Policy.DueTime(TicketType.Complaint, weekend, Saudi).Should().Be(Riyadh(2026, 1, 18, 14, 30));
    }

    [Fact]
    public void Late_Thursday_in_UTC_is_already_Friday_in_Riyadh()
    {
        var thursdayEveningUtc = new DateTimeOffset(2026, 1, 8, 22, 0, 0, TimeSpan.Zero);

        Policy.DueTime(TicketType.Complaint, thursdayEveningUtc, Saudi).Should().Be(Riyadh(2026, 1, 18, 14, 30));
    }

    [Fact]
    public void The_end_of_the_working_day_comes_from_configuration()
    {
        var policy = new DueTimePolicy { WorkdayEnd = new TimeOnly(15, 0) };

        policy.DueTime(TicketType.Complaint, Riyadh(2026, 1, 4, 14, 45), Saudi).Should().Be(Riyadh(2026, 1, 11, 15, 0));
        policy.DueTime(TicketType.Complaint, Riyadh(2026, 1, 4, 15, 1), Saudi).Should().Be(Riyadh(2026, 1, 12, 15, 0));
    }

    [Fact]
    public void Counting_the_working_days_to_a_due_time_gives_back_the_number_added()
    {
        foreach (var submitted in new[] { Riyadh(2026, 3, 18, 10), Riyadh(2026, 3, 18, 16), Riyadh(2026, 3, 20, 9), Riyadh(2026, 1, 8, 14, 30) })
        {
            foreach (var days in new[] { 0, 1, 5, 10 })
            {
                var due = Saudi.AddWorkingDays(submitted, days, WorkingCalendar.DefaultWorkdayEnd);

                Saudi.CountWorkingDays(submitted, due, WorkingCalendar.DefaultWorkdayEnd).Should().Be(days, "submitted {0}, {1} days", submitted, days);
            }
        }
    }

    [Theory]
    [InlineData(TicketType.Inquiry, 7)]
    [InlineData(TicketType.Complaint, 11)]
    [InlineData(TicketType.Suggestion, 18)]
    public void Each_type_has_its_own_number_of_working_days(TicketType type, int dueJanuaryDay)
    {
        var sunday = Riyadh(2026, 1, 4, 9);

        Policy.DueTime(type, sunday, Saudi).Should().Be(Riyadh(2026, 1, dueJanuaryDay, 14, 30));
    }

    [Fact]
    public void The_working_days_per_type_come_from_configuration()
    {
        var policy = new DueTimePolicy { ComplaintWorkingDays = 1 };

        policy.DueTime(TicketType.Complaint, Riyadh(2026, 1, 4, 9), Saudi).Should().Be(Riyadh(2026, 1, 5, 14, 30));
    }

    [Fact]
    public void The_Eid_al_Fitr_break_does_not_count_towards_the_due_time()
    {
        // Thursday 19 to Tuesday 24 March 2026 are off; work resumes on Wednesday 25.
        var dayBeforeEid = Riyadh(2026, 3, 18, 10);

        Policy.DueTime(TicketType.Complaint, dayBeforeEid, Saudi).Should().Be(Riyadh(2026, 3, 31, 14, 30));
    }

    [Fact]
    public void The_Eid_al_Adha_break_does_not_count_towards_the_due_time()
    {
        var dayBeforeArafah = Riyadh(2026, 5, 25, 10);

        Policy.DueTime(TicketType.Inquiry, dayBeforeArafah, Saudi).Should().Be(Riyadh(2026, 6, 3, 14, 30));
    }

    [Fact]
    public void A_submission_on_a_holiday_counts_from_the_next_working_day()
    {
        var nationalDay = Riyadh(2026, 9, 23, 11);

        Policy.DueTime(TicketType.Inquiry, nationalDay, Saudi).Should().Be(Riyadh(2026, 9, 29, 14, 30));
    }

    [Fact]
    public void Configured_holidays_replace_the_defaults()
    {
        var noHolidays = new WorkingCalendar([], WorkingCalendar.SaudiUtcOffset);

        Policy.DueTime(TicketType.Complaint, Riyadh(2026, 3, 18, 10), noHolidays).Should().Be(Riyadh(2026, 3, 25, 14, 30));
    }

    [Fact]
    public void Zero_working_days_is_the_end_of_day_0()
    {
        var end = WorkingCalendar.DefaultWorkdayEnd;
        Saudi.AddWorkingDays(Riyadh(2026, 1, 4, 9), 0, end).Should().Be(Riyadh(2026, 1, 4, 14, 30));
        Saudi.AddWorkingDays(Riyadh(2026, 1, 4, 15), 0, end).Should().Be(Riyadh(2026, 1, 5, 14, 30));
        Saudi.AddWorkingDays(Riyadh(2026, 1, 9, 9), 0, end).Should().Be(Riyadh(2026, 1, 11, 14, 30));
    }

    [Fact]
    public void Friday_and_Saturday_are_days_off_and_Sunday_to_Thursday_are_working_days()
    {
        var week = Enumerable.Range(4, 7).Select(day => new DateOnly(2026, 1, day));

        week.Where(Saudi.IsWorkingDay).Select(day => day.DayOfWeek).Should().Equal(
            DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday);
    }

    [Fact]
    public void Each_default_Eid_break_takes_four_working_days()
    {
        var breaks = WorkingCalendar.SaudiHolidays2026To2027
            .Order()
            .Aggregate(new List<List<DateOnly>>(), (runs, day) =>
            {
                if (runs.Count > 0 && runs[^1][^1].AddDays(1) == day)
                {
                    runs[^1].Add(day);
                }
                else
                {
                    runs.Add([day]);
                }

                return runs;
            })
            .Where(run => run.Count > 1);

        breaks.Select(run => run.Count(day => day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday)))
            .Should().Equal(4, 4, 4, 4);
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        var act = () => Saudi.AddWorkingDays(Riyadh(2026, 1, 4, 9), -1, WorkingCalendar.DefaultWorkdayEnd);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
