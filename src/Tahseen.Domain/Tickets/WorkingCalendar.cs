namespace Tahseen.Domain.Tickets;

/// <summary>
/// Saudi working days, Sunday to Thursday, minus public holidays, seen from a fixed UTC offset.
/// Saudi Arabia keeps UTC+3 all year, so a fixed offset is exact and needs no time-zone data from the
/// operating system.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeSpan SaudiUtcOffset = TimeSpan.FromHours(3);

    /// <summary>
    /// When a working day ends in Riyadh unless <c>Sla:WorkdayEnd</c> says otherwise: the civil service's
    /// 14:30. A due time falls at this time of day, and a ticket that arrives later counts from the next
    /// working day.
    /// </summary>
    public static readonly TimeOnly DefaultWorkdayEnd = new(14, 30);

    private HolidaySet _holidays;

    private long _firstUncoveredDayAsked = long.MaxValue;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, TimeSpan utcOffset, DateOnly? coveredThrough = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = new HolidaySet([.. holidays], coveredThrough);
        UtcOffset = utcOffset;
    }

    /// <summary>
    /// The last day whose holidays are known: the end of the last year that has any. Beyond it only
    /// weekends are days off, and <see cref="FirstUncoveredDayAsked"/> says that someone asked.
    /// </summary>
    public DateOnly? CoveredThrough => Volatile.Read(ref _holidays).CoveredThrough;

    /// <summary>The earliest day beyond <see cref="CoveredThrough"/> that a computation reached; null if none did.</summary>
    public DateOnly? FirstUncoveredDayAsked
    {
        get
        {
            var value = Interlocked.Read(ref _firstUncoveredDayAsked);
            return value == long.MaxValue ? null : DateOnly.FromDayNumber((int)value);
        }
    }

    /// <summary>
    /// Puts in the holidays as they are now (admins edit them): every later computation uses the new set.
    /// One calendar object lives for the process, so whatever holds it sees the change.
    /// </summary>
    public void ReplaceHolidays(IEnumerable<DateOnly> holidays, DateOnly? coveredThrough)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        Volatile.Write(ref _holidays, new HolidaySet([.. holidays], coveredThrough));
    }

    /// <summary>The holidays as they are now.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => Volatile.Read(ref _holidays).Days;

    /// <summary>A calendar that keeps this one's holidays as they are now, whatever is replaced later.</summary>
    public WorkingCalendar Snapshot()
    {
        var set = Volatile.Read(ref _holidays);
        return new WorkingCalendar(set.Days, UtcOffset, set.CoveredThrough);
    }

    /// <summary>
    /// Expected official holidays for 2026 and 2027, a default until configuration supplies the
    /// announced ones. The Eid dates follow the moon sighting and may move by a day. Each Eid break is
    /// four working days, as the Civil Service rules give government employees: from the day after
    /// 29 Ramadan, and from the Day of Arafah; the Friday and Saturday inside a break do not count.
    /// </summary>
    public static IReadOnlyList<DateOnly> SaudiHolidays2026To2027 { get; } =
    [
        new(2026, 2, 22), // Founding Day
        .. Days(new(2026, 3, 19), new(2026, 3, 24)), // Eid al-Fitr 1447
        .. Days(new(2026, 5, 26), new(2026, 5, 31)), // Day of Arafah and Eid al-Adha 1447
        new(2026, 9, 23), // National Day
        new(2027, 2, 22), // Founding Day
        .. Days(new(2027, 3, 9), new(2027, 3, 14)), // Eid al-Fitr 1448
        .. Days(new(2027, 5, 15), new(2027, 5, 19)), // Day of Arafah and Eid al-Adha 1448
        new(2027, 9, 23), // National Day
    ];

    public TimeSpan UtcOffset { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday)
        {
            return false;
        }

        var set = Volatile.Read(ref _holidays);
        if (set.CoveredThrough is { } covered && day > covered)
        {
            NoteUncovered(day);
        }

        return !set.Days.Contains(day);
    }

    /// <summary>
    /// How many working days <see cref="AddWorkingDays"/> counted to reach <paramref name="end"/>'s day from
    /// <paramref name="submittedAt"/>: the working days after the submission's day 0 (see
    /// <see cref="FirstCountedDay"/>), up to and including the end's day. The inverse of
    /// <see cref="AddWorkingDays"/> on the day: AddWorkingDays(s, n, w) falls on a day whose count is n.
    /// </summary>
    public int CountWorkingDays(DateTimeOffset submittedAt, DateTimeOffset end, TimeOnly workdayEnd)
    {
        var day = FirstCountedDay(submittedAt, workdayEnd);
        var last = DateOnly.FromDateTime(end.ToOffset(UtcOffset).DateTime);
        var count = 0;
        while (day < last)
        {
            day = NextWorkingDay(day);
            if (day <= last)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The due time of something submitted at <paramref name="submittedAt"/> with <paramref name="days"/>
    /// working days to answer: <paramref name="workdayEnd"/> (local time) on the <paramref name="days"/>th
    /// working day after day 0, the way a ministry reads "5 working days". Day 0 is the submission's local
    /// day, or the next working day when it came after <paramref name="workdayEnd"/> or on a day off (see
    /// <see cref="FirstCountedDay"/>). Working hours are not otherwise modelled. The result is in UTC.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset submittedAt, int days, TimeOnly workdayEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var day = FirstCountedDay(submittedAt, workdayEnd);
        for (var counted = 0; counted < days; counted++)
        {
            day = NextWorkingDay(day);
        }

        return new DateTimeOffset(day.ToDateTime(workdayEnd), UtcOffset).ToUniversalTime();
    }

    /// <summary>
    /// Day 0 of a submission: its local day if that is a working day and it came no later than
    /// <paramref name="workdayEnd"/>; otherwise the next working day. A ticket sent after the office closed,
    /// or on a Friday or a holiday, is first seen the next working day, so it gets as long as one sent then.
    /// </summary>
    public DateOnly FirstCountedDay(DateTimeOffset submittedAt, TimeOnly workdayEnd)
    {
        var local = submittedAt.ToOffset(UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(day) && TimeOnly.FromDateTime(local.DateTime) <= workdayEnd ? day : NextWorkingDay(day);
    }

    private void NoteUncovered(DateOnly day)
    {
        long number = day.DayNumber;
        var seen = Interlocked.Read(ref _firstUncoveredDayAsked);
        while (number < seen)
        {
            var previous = Interlocked.CompareExchange(ref _firstUncoveredDayAsked, number, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>
    /// The time between two instants that falls on working days (local days, whole days as in
    /// <see cref="AddWorkingDays"/>): weekends and holidays are left out. Zero when <paramref name="to"/>
    /// is not after <paramref name="from"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = from.ToOffset(UtcOffset);
        var end = to.ToOffset(UtcOffset);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), UtcOffset);
            var dayEnd = dayStart.AddDays(1);
            var overlapStart = start > dayStart ? start : dayStart;
            var overlapEnd = end < dayEnd ? end : dayEnd;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    /// <summary>
    /// The instant <paramref name="span"/> of working time after <paramref name="start"/>: time on working
    /// days only, whole local days as <see cref="WorkingTimeBetween"/> counts them, so that
    /// WorkingTimeBetween(start, AddWorkingTime(start, span)) is <paramref name="span"/>. A weekend or a
    /// holiday on the way is stepped over; a start on a day off counts from the next working day's
    /// midnight. Zero gives <paramref name="start"/> back. The result is in UTC.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        if (span == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var cursor = start.ToOffset(UtcOffset);
        var day = DateOnly.FromDateTime(cursor.DateTime);
        var left = span;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                var dayEnd = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), UtcOffset);
                var available = dayEnd - cursor;
                if (left <= available)
                {
                    return (cursor + left).ToUniversalTime();
                }

                left -= available;
            }

            day = day.AddDays(1);
            cursor = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), UtcOffset);
        }
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));

        return day;
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private sealed record HolidaySet(HashSet<DateOnly> Days, DateOnly? CoveredThrough);
}
