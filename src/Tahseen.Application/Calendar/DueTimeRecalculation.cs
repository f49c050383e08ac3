using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Calendar;

/// <summary>How many tickets one holiday change moves in the call; the rest are moved by the background job.</summary>
public sealed record DueTimeRecalculationOptions(int InCallLimit = 10_000, int BatchSize = 1_000);

/// <summary>
/// Moves the due times of the open tickets whose window (from submission to due time) a holiday change
/// touches, so that each keeps the number of working days it had: a day that became a holiday pushes the
/// due time one working day later, a holiday removed brings it one earlier. Each move is history and an
/// event on the ticket.
/// </summary>
public sealed class DueTimeRecalculation(
    IApplicationDbContext db, UnitOfWork unitOfWork, HolidayCalendar holidays, DueTimePolicy dueTimePolicy,
    DueTimeRecalculationOptions options)
{
    public Task<WorkingCalendar> CalendarFromDatabaseAsync(CancellationToken cancellationToken) => holidays.LoadAsync(db, cancellationToken);

    /// <summary>Puts the changed calendar into this process's one calendar; run when the change commits.</summary>
    public void Publish(WorkingCalendar after) => holidays.Put(after);

    /// <summary>
    /// Moves the first <see cref="DueTimeRecalculationOptions.InCallLimit"/> touched tickets now; leaves a task for
    /// the rest. Returns how many moved now and how many touched tickets wait for the task.
    /// </summary>
    public async Task<(long Moved, long Pending, WorkingCalendar After)> MoveDueTimesAsync(
        WorkingCalendar before, IReadOnlyList<(DateOnly Start, DateOnly End)> touched, Guid actorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var after = await holidays.LoadAsync(db, cancellationToken);
        var firstDay = touched.Min(r => r.Start);
        var lastDay = touched.Max(r => r.End);
        var moved = 0L;
        var handled = 0;
        string? lastReference = null;
        while (handled < options.InCallLimit)
        {
            var batch = await Touched(firstDay, lastDay, before.UtcOffset, lastReference)
                .Take(Math.Min(options.BatchSize, options.InCallLimit - handled))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (moved, 0, after);
            }

            moved += Move(batch, before, after, actorId, now);
            handled += batch.Count;
            lastReference = batch[^1].ReferenceNumber;
            // Written batch by batch inside the command's transaction, so that the change tracker stays small.
            await unitOfWork.WriteAsync(cancellationToken);
        }

        var pending = await Touched(firstDay, lastDay, before.UtcOffset, lastReference).LongCountAsync(cancellationToken);
        if (pending > 0)
        {
            db.DueTimeRecalculationTasks.Add(new DueTimeRecalculationTask(
                Guid.CreateVersion7(now), before.Holidays, before.CoveredThrough, firstDay, lastDay, lastReference!, actorId, now));
        }

        return (moved, pending, after);
    }

    /// <summary>One batch of a task left by a large change; returns false when no task has work left.</summary>
    public async Task<bool> ContinueAsync(DueTimeRecalculationTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = task.CalendarBefore(holidays.Current.UtcOffset);
        var after = await holidays.LoadAsync(db, cancellationToken);
        var batch = await Touched(task.FirstDay, task.LastDay, before.UtcOffset, task.AfterReferenceNumber)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var moved = Move(batch, before, after, task.ActorAccountId, now);
        task.Advance(batch.Count == 0 ? task.AfterReferenceNumber : batch[^1].ReferenceNumber, moved, batch.Count < options.BatchSize, now);
        return batch.Count > 0;
    }

    private IQueryable<Ticket> Touched(DateOnly firstDay, DateOnly lastDay, TimeSpan utcOffset, string? afterReference)
    {
        var windowStart = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), utcOffset).ToUniversalTime();
        var windowEnd = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), utcOffset).ToUniversalTime();
        var open = Ticket.OpenStatuses.ToList();
        var query = db.Tickets.Where(t => open.Contains(t.Status) && t.DueTime >= windowStart && t.CreateTime < windowEnd);
        if (afterReference is not null)
        {
            // Runs in SQL, where the filter and the ORDER BY below use the same collation.
#pragma warning disable CA1309
            query = query.Where(t => string.Compare(t.ReferenceNumber, afterReference) > 0);
#pragma warning restore CA1309
        }

        return query.OrderBy(t => t.ReferenceNumber);
    }

    private long Move(IEnumerable<Ticket> tickets, WorkingCalendar before, WorkingCalendar after, Guid actorId, DateTimeOffset now)
    {
        var moved = 0L;
        foreach (var ticket in tickets)
        {
            // The due time without pauses (gross compliance) keeps its working days the same way.
            var due = Moved(ticket.CreateTime, ticket.DueTime, before, after);
            var unpausedDue = Moved(ticket.CreateTime, ticket.UnpausedDueTime, before, after);
            if (ticket.MoveDueTime(due, actorId, ActorRole.Admin, now, unpausedDue))
            {
                moved++;
            }
        }

        return moved;
    }

    /// <summary>
    /// The due time with the same number of working days under the new holidays, counted from the
    /// submission's day 0 under the rule that set it, so that counting and adding are inverses and an
    /// unchanged window keeps its day. The day moves; the time of day stays what it was (the end of the
    /// working day for every due time set under the current rule).
    /// </summary>
    private DateTimeOffset Moved(DateTimeOffset createTime, DateTimeOffset dueTime, WorkingCalendar before, WorkingCalendar after)
    {
        var workingDays = dueTimePolicy.WorkingDaysBetween(createTime, dueTime, before);
        var day = dueTimePolicy.DueAfter(createTime, workingDays, after);
        var local = dueTime.ToOffset(after.UtcOffset);
        var dayLocal = day.ToOffset(after.UtcOffset);
        return new DateTimeOffset(dayLocal.Date + local.TimeOfDay, after.UtcOffset).ToUniversalTime();
    }
}
