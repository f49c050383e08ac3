using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Calendar;

/// <summary>
/// Keeps the process's one <see cref="WorkingCalendar"/> in step with the <c>holidays</c> table, which
/// admins edit: loaded at start, reloaded on this replica when a change commits, and by
/// <see cref="RefreshAsync"/> on a timer for changes made on other replicas. Days configured in
/// <c>Tickets:Holidays</c> are added to the table's.
/// </summary>
public sealed class HolidayCalendar(WorkingCalendar calendar, IReadOnlyCollection<DateOnly> configuredDays, ILogger<HolidayCalendar> logger)
{
    private int _warnedUncovered;

    public WorkingCalendar Current => calendar;

    /// <summary>A calendar of these holidays (plus the configured days), covering to the end of their last year.</summary>
    public WorkingCalendar Build(IEnumerable<Holiday> holidays)
    {
        var list = holidays.ToList();
        var days = list.SelectMany(h => h.Days()).Concat(configuredDays).ToList();
        DateOnly? coveredThrough = list.Count == 0 ? null : new DateOnly(list.Max(h => h.EndDate).Year, 12, 31);
        return new WorkingCalendar(days, calendar.UtcOffset, coveredThrough);
    }

    public async Task<WorkingCalendar> LoadAsync(IApplicationDbContext db, CancellationToken cancellationToken) =>
        Build(await db.Holidays.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>Reloads the shared calendar from the table.</summary>
    public async Task RefreshAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, cancellationToken);
        Put(loaded);
        WarnOnceIfUncovered();
    }

    public void Put(WorkingCalendar loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        calendar.ReplaceHolidays(loaded.Holidays, loaded.CoveredThrough);
    }

    /// <summary>Logs once per process that a due time was computed beyond the last year with holidays.</summary>
    public void WarnOnceIfUncovered()
    {
        if (calendar.FirstUncoveredDayAsked is { } day && Interlocked.Exchange(ref _warnedUncovered, 1) == 0)
        {
            logger.LogWarning(
                "A due time reached {Day}, beyond the last day with known holidays ({CoveredThrough}); only weekends count as days off there. Add that year's holidays (AdminService.SetHoliday).",
                day, calendar.CoveredThrough);
        }
    }
}
