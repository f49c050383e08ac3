using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Enforces the retention schedule of the security and audit trails (<see cref="AuditRetentionOptions"/>,
/// never under 12 months). Security events older than their period are deleted. Audit lines go from
/// the old end only, as one stretch: the stretch is checked first (a broken stretch is kept, so that
/// retention never erases evidence of tampering), the chain anchor moves to its last line and the
/// stretch is deleted, in one transaction that holds the appenders' lock. The head line always stays,
/// so appends keep linking to it. The new anchor is logged, like the hourly chain head, to be kept
/// outside the database.
/// </summary>
public sealed partial class AuditRetentionJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditRetentionOptions> options, ILogger<AuditRetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PurgeInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
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
    }

    /// <summary>One pass of the schedule, as of the clock's now.</summary>
    public async Task<AuditRetentionResult> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditChainVerifier>();
        var now = clock.GetUtcNow();
        var settings = options.Value;

        var securityCutoff = now.AddMonths(-settings.SecurityEventMonths);
        var securityEvents = await db.SecurityEvents.Where(e => e.Time < securityCutoff).ExecuteDeleteAsync(cancellationToken);
        var (auditLines, anchor) = await PurgeAuditAsync(db, verifier, now, now.AddMonths(-settings.AuditMonths), cancellationToken);

        if (securityEvents > 0 || auditLines > 0)
        {
            LogPurged(securityEvents, auditLines, anchor?.Sequence ?? 0, anchor?.Hash ?? string.Empty);
        }

        return new AuditRetentionResult(securityEvents, auditLines, anchor?.Sequence);
    }

    private async Task<(int Removed, AuditChainAnchor? Anchor)> PurgeAuditAsync(
        TahseenDbContext db, AuditChainVerifier verifier, DateTimeOffset now, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The appenders' lock: the head cannot move, nor a line join, while the stretch is cut.
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{AuditChainLock.Table}\" SET \"{nameof(AuditChainLock.Takes)}\" = \"{nameof(AuditChainLock.Takes)}\" + 1 WHERE \"{nameof(AuditChainLock.Id)}\" = 1",
            cancellationToken);
        var head = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken);
        if (head is null)
        {
            return (0, null);
        }

        // The old end up to the first line still within the period (a line whose time was edited into
        // nonsense counts as within it), never the head.
        var firstKept = await db.AuditEvents.Where(e => e.Time >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken) ?? head.Value;
        var anchor = await db.Set<AuditChainAnchor>().SingleAsync(a => a.Id == 1, cancellationToken);
        var last = Math.Min(firstKept, head.Value) - 1;
        if (last <= anchor.Sequence)
        {
            return (0, null);
        }

        var report = await verifier.VerifyThroughAsync(last, cancellationToken);
        if (!report.Intact)
        {
            LogPurgeRefused(report.FirstBrokenSequence);
            return (0, null);
        }

        anchor.Sequence = last;
        anchor.Hash = await db.AuditEvents.Where(e => e.Sequence == last).Select(e => e.Hash).SingleAsync(cancellationToken);
        anchor.MoveTime = now;
        await db.SaveChangesAsync(cancellationToken);
        var removed = await db.AuditEvents.Where(e => e.Sequence <= last).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (removed, anchor);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention removed {SecurityEvents} security events and {AuditLines} audit lines; the audit chain now starts after sequence {AnchorSequence}, hash {AnchorHash}")]
    private partial void LogPurged(int securityEvents, int auditLines, long anchorSequence, string anchorHash);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Retention kept the old audit lines: the chain is broken at sequence {FirstBrokenSequence}, within the stretch it would remove")]
    private partial void LogPurgeRefused(long firstBrokenSequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention purge failed; retrying at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}

/// <summary>What one pass removed; <see cref="AnchorSequence"/> is the new anchor when audit lines went.</summary>
public sealed record AuditRetentionResult(int SecurityEvents, int AuditLines, long? AnchorSequence);
