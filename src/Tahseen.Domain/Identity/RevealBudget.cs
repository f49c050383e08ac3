using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Identity;

/// <summary>
/// How many submitters one staff member has revealed on one Riyadh calendar day. One row per staff
/// member and day under a unique key; the count changes only through one conditional UPDATE, so
/// overlapping reveals cannot overshoot the limit.
/// </summary>
public sealed class RevealBudget
{
    private RevealBudget()
    {
    }

    public Guid AccountId { get; private set; }

    /// <summary>The calendar day in Riyadh (UTC+3 all year), so the budget renews at local midnight.</summary>
    public DateOnly Day { get; private set; }

    public int Count { get; private set; }

    /// <summary>A staff member's first reveal of a day.</summary>
    public static RevealBudget StartedBy(Guid accountId, DateOnly day) => new() { AccountId = accountId, Day = day, Count = 1 };

    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(WorkingCalendar.SaudiUtcOffset).DateTime);
}
