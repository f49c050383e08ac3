using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Idempotency;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Maintenance;

/// <summary>
/// Keeps the tables that anonymous callers can grow (captchas, one-time code steps) and the session
/// tables bounded, by deleting what can no longer be used. Set-based deletes, so replicas running it
/// at once only repeat harmless work. Stored answers of idempotent requests go after
/// <c>Idempotency:RetentionHours</c>, dispatched outbox events after <c>Outbox:RetentionDays</c>
/// (see <see cref="PurgeOutboxAsync"/>). The security log is never purged here: it is the audit trail.
/// </summary>
public sealed partial class ExpiredRecordsPurger(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> idempotency,
    IOptions<OutboxOptions> outbox,
    TimeProvider clock,
    ILogger<ExpiredRecordsPurger> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);
    private static readonly TimeSpan SentSmsRetention = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPurgeFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many rows it removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var cutoff = clock.GetUtcNow() - Grace;
        var sentCutoff = clock.GetUtcNow() - SentSmsRetention;

        var removed = await db.Captchas.Where(c => c.ExpireTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.OtpChallenges.Where(c => c.ExpireTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.RefreshTokens.Where(t => t.ExpireTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.SmsOutbox.Where(m => m.SentTime != null && m.SentTime < sentCutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.Sessions
            .Where(s => (s.EndTime != null && s.EndTime < cutoff) || (s.CreateTime < cutoff && !db.RefreshTokens.Any(t => t.FamilyId == s.Id)))
            .ExecuteDeleteAsync(cancellationToken);
        removed += await db.CodeBudgets.Where(b => b.WindowStart < cutoff).ExecuteDeleteAsync(cancellationToken);
        var throttleCutoff = clock.GetUtcNow() - SignInThrottle.Retention;
        removed += await db.SignInThrottles
            .Where(t => t.UpdateTime < throttleCutoff && (t.LockoutEnd == null || t.LockoutEnd < throttleCutoff))
            .ExecuteDeleteAsync(cancellationToken);
        var answeredCutoff = clock.GetUtcNow() - idempotency.Value.Retention;
        removed += await db.IdempotentRequests.Where(r => r.CreateTime < answeredCutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await PurgeOutboxAsync(db, clock.GetUtcNow() - outbox.Value.Retention, cancellationToken);
        return removed;
    }

    /// <summary>
    /// Deletes the oldest outbox events, only ever a prefix of the cursor order: everything before the
    /// first event that is still needed (not yet dispatched, dead-lettered, or inside the retention),
    /// and never the newest event. So the oldest retained cursor is the feed's horizon: a reader whose
    /// cursor is below it has missed purged events (CURSOR_EXPIRED), one at or above it has missed
    /// nothing. A dead letter holds the purge back until an admin retries it: an event whose side
    /// effects never ran is not dropped.
    /// </summary>
    private static async Task<int> PurgeOutboxAsync(TahseenDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var newest = await db.OutboxEvents.MaxAsync(e => (long?)e.Cursor, cancellationToken);
        if (newest is not { } newestCursor)
        {
            return 0;
        }

        var firstNeeded = await db.OutboxEvents
            .Where(e => e.DispatchTime == null || e.OccurredTime >= cutoff)
            .MinAsync(e => (long?)e.Cursor, cancellationToken);
        var keepFrom = Math.Min(firstNeeded ?? newestCursor, newestCursor);
        return await db.OutboxEvents.Where(e => e.Cursor < keepFrom).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging expired records failed; retrying at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}
