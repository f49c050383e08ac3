using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Application.Staff;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>
/// Raises SlaAtRisk and SlaBreached for open tickets, exactly once per ticket and due time. The ticket
/// stores the due time each event was raised for, and each ticket is marked in its own unit of work
/// guarded by the ticket's version (a conditional UPDATE): when two replicas (or a replica and a
/// member of staff) change a ticket at once, one succeeds and the other skips it, and the next pass
/// finds it already marked. Safe to run on every replica, like <see cref="TicketAutoCloseJob"/>.
/// </summary>
public sealed partial class SlaEscalationJob(
    IServiceScopeFactory scopes, IOptions<SlaOptions> options, SlaPolicy policy, WorkingCalendar calendar, TimeProvider clock,
    ILogger<SlaEscalationJob> logger) : BackgroundService
{
    /// <summary>Tickets looked at per pass at most, soonest due first; the next pass takes the rest.</summary>
    public const int BatchSize = 500;

    /// <summary>One pass; returns how many SLA events this pass raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Ticket.IsOnTheClock in a form the database can run: a paused ticket is neither at risk nor late.
        var onClock = Ticket.StatusesOnTheClock;
        List<(Guid Id, DateTimeOffset CreateTime, DateTimeOffset DueTime, DateTimeOffset? AtRiskFor, DateTimeOffset? BreachedFor)> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().Tickets.AsNoTracking()
                .Where(t => onClock.Contains(t.Status) && t.PausedSince == null
                    && (t.SlaBreachedFor == null || t.SlaBreachedFor != t.DueTime)
                    && (t.DueTime < now || t.SlaAtRiskFor == null || t.SlaAtRiskFor != t.DueTime))
                .OrderBy(t => t.DueTime)
                .Take(BatchSize)
                .Select(t => new { t.Id, t.CreateTime, t.DueTime, t.SlaAtRiskFor, t.SlaBreachedFor })
                .ToListAsync(cancellationToken);
            candidates = [.. rows.Select(r => (r.Id, r.CreateTime, r.DueTime, r.SlaAtRiskFor, r.SlaBreachedFor))];
        }

        var raised = 0;
        foreach (var ticket in candidates)
        {
            var breached = ticket.DueTime < now;
            if (!breached && !policy.IsAtRisk(ticket.CreateTime, ticket.DueTime, now, calendar))
            {
                continue;
            }

            if (await TryMarkAsync(ticket.Id, breached, now, cancellationToken))
            {
                raised++;
            }
        }

        if (raised > 0)
        {
            LogRaised(raised);
        }

        return raised;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> TryMarkAsync(Guid ticketId, bool breached, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null || !(breached ? ticket.MarkSlaBreached(now) : ticket.MarkSlaAtRisk(now)))
        {
            return false;
        }

        try
        {
            // One save is one transaction: the mark and its outbox event commit together, or neither.
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogSkipped(ticketId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} SLA events (at risk or breached)")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} changed while its SLA was checked; the next pass looks again")]
    private partial void LogSkipped(Guid ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SLA check failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}

/// <summary>Runs <see cref="SlaEscalationJob"/> in the host; a test host leaves it out and calls the job itself.</summary>
public sealed class SlaEscalationWorker(SlaEscalationJob job) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => job.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => job.StopAsync(cancellationToken);
}
