using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Application.Calendar;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Calendar;

/// <summary>
/// Keeps this replica's working calendar in step with the holidays table (an admin's change on another
/// replica reaches it within <see cref="CalendarOptions.RefreshInterval"/>), and moves, a batch at a time,
/// the due times that a large holiday change left for the background. A batch runs under the calendar
/// lock in its own transaction, so replicas take turns and a crash loses at most the batch in flight,
/// which the next pass redoes from the task's position.
/// </summary>
public sealed partial class CalendarJob(
    IServiceScopeFactory scopes, HolidayCalendar calendar, TimeProvider clock, ILogger<CalendarJob> logger)
{
    /// <summary>One pass: reloads the holidays, then moves what is left of unfinished changes. Returns the batches run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await calendar.RefreshAsync(scope.ServiceProvider.GetRequiredService<TahseenDbContext>(), cancellationToken);
        }

        var batches = 0;
        while (await ContinueOneBatchAsync(cancellationToken))
        {
            batches++;
        }

        return batches;
    }

    private async Task<bool> ContinueOneBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await scope.ServiceProvider.GetRequiredService<ICommandLocks>().LockAsync(CommandLock.Calendar, token);
            var task = await db.DueTimeRecalculationTasks
                .Where(t => t.CompleteTime == null)
                .OrderBy(t => t.CreateTime)
                .FirstOrDefaultAsync(token);
            if (task is null)
            {
                return false;
            }

            await scope.ServiceProvider.GetRequiredService<DueTimeRecalculation>().ContinueAsync(task, clock.GetUtcNow(), token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            if (task.CompleteTime is not null)
            {
                LogTaskDone(task.MovedCount);
            }

            return true;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due times after a holiday change are all moved: {Moved} in the background")]
    private partial void LogTaskDone(long moved);
}

/// <summary>Runs <see cref="CalendarJob"/> every <see cref="CalendarOptions.RefreshInterval"/>; tests call the job themselves.</summary>
public sealed partial class CalendarWorker(CalendarJob job, IOptions<CalendarOptions> options, TimeProvider clock, ILogger<CalendarWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A calendar pass failed; the next pass retries")]
    private partial void LogPassFailed(Exception exception);
}
