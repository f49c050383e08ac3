using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// Ticket events read from <c>outbox_events</c> by cursor.
/// <para>
/// Gap safety: on SQLite every write transaction holds the one write lock from its first write to its
/// commit, and the unit of work starts it before the handler runs, so cursors become visible in
/// order and a reader that has seen cursor n will never later see a committed cursor below n. A
/// PostgreSQL provider must keep that promise differently, because sequence values commit out of
/// order: it reads only rows whose inserting transaction id is below <c>pg_snapshot_xmin(pg_current_snapshot())</c>
/// (every older transaction has ended), or lets one sequencer stamp cursors after commit. Either goes
/// behind this class, which is the only reader of the outbox by cursor.
/// </para>
/// </summary>
public sealed class TicketFeed(IServiceScopeFactory scopes, OutboxWakeUp wakeUp) : ITicketFeed
{
    /// <summary>How long a reader waits before polling when no commit in this process woke it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, TicketEventKind> Kinds = new(StringComparer.Ordinal)
    {
        [nameof(TicketSubmitted)] = TicketEventKind.Submitted,
        [nameof(TicketAssigned)] = TicketEventKind.Assigned,
        [nameof(TicketMessageAdded)] = TicketEventKind.MessageAdded,
        [nameof(TicketStatusChanged)] = TicketEventKind.StatusChanged,
        [nameof(TicketSlaAtRisk)] = TicketEventKind.SlaAtRisk,
        [nameof(TicketSlaBreached)] = TicketEventKind.SlaBreached,
        [nameof(TicketDueTimeChanged)] = TicketEventKind.DueTimeChanged,
    };

    private static readonly string[] PublicTypes = [.. Kinds.Keys];

    private int _openStreams;

    public int OpenStreamCount => Volatile.Read(ref _openStreams);

    public Task NextCommit => wakeUp.Next;

    public async Task<long> LatestCursorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.MaxAsync(e => (long?)e.Cursor, cancellationToken) ?? 0;
    }

    public async Task<long?> OldestCursorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.MinAsync(e => (long?)e.Cursor, cancellationToken);
    }

    public async Task<IReadOnlyList<TicketStreamEvent>> ReadAsync(long afterCursor, Guid? ticketId, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var query = db.OutboxEvents.AsNoTracking().Where(e => e.Cursor > afterCursor && PublicTypes.Contains(e.EventType));
        if (ticketId is { } id)
        {
            query = query.Where(e => e.StreamId == id);
        }

        var rows = await query
            .OrderBy(e => e.Cursor)
            .Take(limit)
            .Select(e => new { e.Cursor, e.EventType, e.Snapshot, e.StreamVersion, e.OccurredTime })
            .ToListAsync(cancellationToken);
        return rows
            .Select(e => new TicketStreamEvent(
                e.Cursor,
                Kinds[e.EventType],
                JsonSerializer.Deserialize<TicketDto>(e.Snapshot, DomainEventTypes.Json)!,
                e.StreamVersion,
                e.OccurredTime))
            .ToList();
    }

    public async Task WaitForEventsAsync(Task nextCommit, CancellationToken cancellationToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(PollInterval, stopWaiting.Token);
        await Task.WhenAny(nextCommit, poll);
        await stopWaiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public IDisposable OpenStream()
    {
        Interlocked.Increment(ref _openStreams);
        return new StreamRegistration(this);
    }

    private sealed class StreamRegistration(TicketFeed feed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref feed._openStreams);
            }
        }
    }
}
