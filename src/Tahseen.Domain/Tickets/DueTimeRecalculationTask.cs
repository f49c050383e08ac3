using System.Globalization;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// What is left of moving due times after a holiday changed, when more tickets were touched than one call
/// moves: the calendar as it was before the change, the days the change touched, and how far the work
/// got (tickets are taken in reference-number order). A background job finishes it in batches and can resume after a
/// crash from <see cref="AfterReferenceNumber"/>.
/// </summary>
public sealed class DueTimeRecalculationTask
{
    private DueTimeRecalculationTask()
    {
    }

    public DueTimeRecalculationTask(
        Guid id, IEnumerable<DateOnly> holidaysBefore, DateOnly? coveredThroughBefore, DateOnly firstDay, DateOnly lastDay,
        string afterReferenceNumber, Guid actorAccountId, DateTimeOffset now)
    {
        Id = id;
        HolidaysBefore = string.Join(',', holidaysBefore.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        CoveredThroughBefore = coveredThroughBefore;
        FirstDay = firstDay;
        LastDay = lastDay;
        AfterReferenceNumber = afterReferenceNumber;
        ActorAccountId = actorAccountId;
        CreateTime = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The holidays before the change, as comma-separated <c>yyyy-MM-dd</c>.</summary>
    public string HolidaysBefore { get; private set; } = string.Empty;

    public DateOnly? CoveredThroughBefore { get; private set; }

    /// <summary>The first and last day the change touched (old and new dates together).</summary>
    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    /// <summary>The reference number of the last ticket already handled; the next batch starts after it.</summary>
    public string AfterReferenceNumber { get; private set; } = string.Empty;

    public Guid ActorAccountId { get; private set; }

    public long MovedCount { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? CompleteTime { get; private set; }

    public WorkingCalendar CalendarBefore(TimeSpan utcOffset) => new(
        HolidaysBefore.Length == 0
            ? []
            : HolidaysBefore.Split(',').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        utcOffset,
        CoveredThroughBefore);

    public void Advance(string lastReferenceNumber, long moved, bool done, DateTimeOffset now)
    {
        AfterReferenceNumber = lastReferenceNumber;
        MovedCount += moved;
        if (done)
        {
            CompleteTime = now;
        }
    }
}
