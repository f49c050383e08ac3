using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Writes the audit chain's head (sequence and hash) to the log every hour. Shipped off the machine
/// with the rest of the log, it anchors the chain outside the database: rewriting the whole table
/// consistently would still disagree with the heads already logged.
/// </summary>
public sealed partial class AuditChainHeadLogger(IServiceScopeFactory scopes, ILogger<AuditChainHeadLogger> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LogHeadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHeadFailed(exception);
            }
        }
    }

    /// <summary>Logs the current head; returns its sequence (0 for an empty log).</summary>
    public async Task<long> LogHeadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash, e.Time })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is not null)
        {
            LogHead(head.Sequence, head.Hash, head.Time);
        }

        return head?.Sequence ?? 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain head: sequence {Sequence}, hash {Hash}, written {Time:o}")]
    private partial void LogHead(long sequence, string hash, DateTimeOffset time);

    [LoggerMessage(Level = LogLevel.Error, Message = "Logging the audit chain head failed; retrying at the next interval")]
    private partial void LogHeadFailed(Exception exception);
}
