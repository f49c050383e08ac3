using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>
/// Returns suggestions resolved as under study to the desk on their follow-up date (a Riyadh calendar
/// day): IN_PROGRESS with their assignee and a new due time, history action FOLLOW_UP_DUE. Every
/// replica may run it: each ticket is moved in its own unit of work guarded by the ticket's version,
/// so when two replicas (or a replica and a person) change a ticket at once, one succeeds and the
/// other skips it.
/// </summary>
public sealed partial class TicketFollowUpJob(
    IServiceScopeFactory scopes,
    IOptions<TicketOptions> options,
    DueTimePolicy dueTimePolicy,
    WorkingCalendar calendar,
    TimeProvider clock,
    ILogger<TicketFollowUpJob> logger)
    : BackgroundService
{
    /// <summary>Tickets moved per pass at most; the next pass takes the rest.</summary>
    public const int BatchSize = 200;

    /// <summary>One pass: returns what is due today and answers how many tickets this pass moved.</summary>
    public async Task<int> ReturnDueTicketsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Ticket.RiyadhDate(now);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().Tickets
                .Where(t => t.Status == TicketStatus.Resolved && t.FollowUpDate != null && t.FollowUpDate <= today)
                .OrderBy(t => t.FollowUpDate)
                .Select(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var moved = 0;
        foreach (var ticketId in due)
        {
            if (await TryReturnAsync(ticketId, now, cancellationToken))
            {
                moved++;
            }
        }

        if (moved > 0)
        {
            LogReturned(moved);
        }

        return moved;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FollowUpInterval, clock);
        do
        {
            try
            {
                await ReturnDueTicketsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> TryReturnAsync(Guid ticketId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is not { Status: TicketStatus.Resolved } || !ticket.ReturnForFollowUp(now, dueTimePolicy.DueTime(ticket.Type, now, calendar)))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned {Count} suggestions under study to the desk on their follow-up date")]
    private partial void LogReturned(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} changed while being returned for follow-up; left to the other change")]
    private partial void LogSkipped(Guid ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The follow-up pass over suggestions under study failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
