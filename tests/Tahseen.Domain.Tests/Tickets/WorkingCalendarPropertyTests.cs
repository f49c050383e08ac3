using CsCheck;
using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

/// <summary>
/// The due-time rule over random submission instants, holiday sets, numbers of working days and ends of
/// the working day, checked against a plain reading of the rule (Sunday to Thursday in Riyadh, not a
/// holiday) rather than against the calendar's own helpers.
/// </summary>
public class WorkingCalendarPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly DateOnly FirstDay = new(2026, 1, 1);

    private static readonly TimeSpan Riyadh = WorkingCalendar.SaudiUtcOffset;

    /// <summary>Any instant in 2026 to 2029, to the second, in UTC.</summary>
    private static readonly Gen<DateTimeOffset> Instant = Gen.Long[0, 4L * 365 * 24 * 3600]
        .Select(seconds => new DateTimeOffset(FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(seconds));

    /// <summary>Up to a dozen holiday breaks of one to ten days; sometimes the seeded Saudi ones.</summary>
    private static readonly Gen<HashSet<DateOnly>> Holidays = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 4 * 365], Gen.Int[1, 10])
            .Array[0, 12]
            .Select(breaks => breaks.SelectMany(b => Enumerable.Range(b.Item1, b.Item2).Select(FirstDay.AddDays)).ToHashSet())),
        (1, Gen.Const(0).Select(_ => WorkingCalendar.SaudiHolidays2026To2027.ToHashSet())));

    /// <summary>The end of the working day, 08:00 to 23:59 as <c>Sla:WorkdayEnd</c> allows, to the minute.</summary>
    private static readonly Gen<TimeOnly> WorkdayEnd = Gen.OneOf(
        Gen.Const(WorkingCalendar.DefaultWorkdayEnd),
        Gen.Int[8 * 60, (23 * 60) + 59].Select(minutes => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes))));

    private static readonly Gen<Case> Cases = Gen.Select(Instant, Gen.Int[0, 30], Holidays, WorkdayEnd)
        .Select(c => new Case(c.Item1, c.Item2, c.Item3, c.Item4));

    [Fact]
    public void A_due_time_is_on_a_working_day_at_the_end_of_the_working_day_in_Riyadh()
    {
        Cases.Sample(
            c =>
            {
                var due = c.Calendar.AddWorkingDays(c.Submitted, c.Days, c.WorkdayEnd).ToOffset(Riyadh);

                IsWorkingDay(DateOnly.FromDateTime(due.DateTime), c.HolidayDays).Should().BeTrue("{0} is due {1:dddd yyyy-MM-dd}", c, due);
                TimeOnly.FromDateTime(due.DateTime).Should().Be(c.WorkdayEnd);
            },
            iter: Iterations);
    }

    [Fact]
    public void Day_0_is_the_submission_day_only_when_it_is_a_working_day_and_the_working_day_has_not_ended()
    {
        Cases.Sample(
            c =>
            {
                var local = c.Submitted.ToOffset(Riyadh);
                var day = DateOnly.FromDateTime(local.DateTime);
                var counted = IsWorkingDay(day, c.HolidayDays) && TimeOnly.FromDateTime(local.DateTime) <= c.WorkdayEnd;
                var expected = counted ? day : NextWorkingDay(day, c.HolidayDays);

                DateOnly.FromDateTime(c.Calendar.AddWorkingDays(c.Submitted, 0, c.WorkdayEnd).ToOffset(Riyadh).DateTime)
                    .Should().Be(expected, "{0}", c);
            },
            iter: Iterations);
    }

    [Fact]
    public void A_later_submission_is_never_due_earlier()
    {
        Gen.Select(Cases, Gen.Long[0, 20L * 24 * 3600]).Sample(
            pair =>
            {
                var (c, laterBySeconds) = pair;
                var later = c.Submitted.AddSeconds(laterBySeconds);

                c.Calendar.AddWorkingDays(later, c.Days, c.WorkdayEnd)
                    .Should().BeOnOrAfter(c.Calendar.AddWorkingDays(c.Submitted, c.Days, c.WorkdayEnd), "{0}, {1} s later", c, laterBySeconds);
            },
            iter: Iterations);
    }

    [Fact]
    public void Each_working_day_added_moves_the_due_time_to_the_next_working_day_and_counts_as_one()
    {
        Cases.Sample(
            c =>
            {
                var due = c.Calendar.AddWorkingDays(c.Submitted, c.Days, c.WorkdayEnd);
                var next = c.Calendar.AddWorkingDays(c.Submitted, c.Days + 1, c.WorkdayEnd);

                DateOnly.FromDateTime(next.ToOffset(Riyadh).DateTime)
                    .Should().Be(NextWorkingDay(DateOnly.FromDateTime(due.ToOffset(Riyadh).DateTime), c.HolidayDays), "{0}", c);
                (c.Calendar.CountWorkingDays(c.Submitted, next, c.WorkdayEnd) - c.Calendar.CountWorkingDays(c.Submitted, due, c.WorkdayEnd))
                    .Should().Be(1, "{0}", c);
                c.Calendar.CountWorkingDays(c.Submitted, due, c.WorkdayEnd).Should().Be(c.Days, "counting is the inverse of adding ({0})", c);
            },
            iter: Iterations);
    }

    private static bool IsWorkingDay(DateOnly day, HashSet<DateOnly> holidays) =>
        day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && !holidays.Contains(day);

    private static DateOnly NextWorkingDay(DateOnly day, HashSet<DateOnly> holidays)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day, holidays));

        return day;
    }

    private sealed record Case(DateTimeOffset Submitted, int Days, HashSet<DateOnly> HolidayDays, TimeOnly WorkdayEnd)
    {
        public WorkingCalendar Calendar { get; } = new(HolidayDays, Riyadh);

        public override string ToString() =>
            $"submitted {Submitted:O} (Riyadh {Submitted.ToOffset(Riyadh):ddd yyyy-MM-dd HH:mm:ss}), {Days} working days, workday end {WorkdayEnd:HH:mm}, holidays [{string.Join(", ", HolidayDays.Order().Select(d => d.ToString("yyyy-MM-dd")))}]";
    }
}
