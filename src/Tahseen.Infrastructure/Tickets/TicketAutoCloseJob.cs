using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>
/// Closes resolved tickets that nobody rated or reopened within <see cref="Ticket.DefaultAutoCloseDelay"/>.
/// Every replica may run it: each ticket is closed in its own unit of work guarded by the ticket's
/// version, so when two replicas (or a replica and the submitter) change a ticket at once, one
/// succeeds and the other skips it.
/// </summary>
public sealed partial class TicketAutoCloseJob(
    IServiceScopeFactory scopes, IOptions<TicketOptions> options, TimeProvider clock, ILogger<TicketAutoCloseJob> logger)
    : BackgroundService
{
    /// <summary>Tickets closed per pass at most; the next pass takes the rest.</summary>
    public const int BatchSize = 200;

    /// <summary>One pass: closes what is due now and returns how many tickets this pass closed.</summary>
    public async Task<int> CloseDueTicketsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var resolvedBefore = now - Ticket.DefaultAutoCloseDelay;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().Tickets
                .Where(t => t.Status == TicketStatus.Resolved && t.ResolveTime <= resolvedBefore && t.FollowUpDate == null)
                .OrderBy(t => t.ResolveTime)
                .Select(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var closed = 0;
        foreach (var ticketId in due)
        {
            if (await TryCloseAsync(ticketId, now, cancellationToken))
            {
                closed++;
            }
        }

        if (closed > 0)
        {
            LogClosed(closed);
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AutoCloseInterval, clock);
        do
        {
            try
            {
                await CloseDueTicketsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> TryCloseAsync(Guid ticketId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is not { Status: TicketStatus.Resolved } || !ticket.AutoClose(now, Ticket.DefaultAutoCloseDelay))
        {
            return false;
        }

        try
        {
            // One save is one transaction: the ticket and its outbox events commit together.
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogSkipped(ticketId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} resolved tickets after the rating period")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} changed while being closed automatically; left to the other change")]
    private partial void LogSkipped(Guid ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The automatic close of resolved tickets failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
