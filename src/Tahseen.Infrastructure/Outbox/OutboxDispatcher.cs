using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tahseen.Application.Common.Events;
using Tahseen.Domain.Common;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// Runs the side effects of committed changes: every <see cref="IDomainEventConsumer{TEvent}"/> of each
/// outbox event, in cursor order. Each event is handled in its own transaction that also marks it done,
/// so a consumer's database writes happen exactly once and a crash before the commit only means the
/// event is handled again (at least once). An event whose consumers keep failing is retried with
/// back-off and parked as dead-lettered after <see cref="MaxAttempts"/>, for an admin to look at.
/// Several replicas may run this loop: each event is claimed inside its transaction (see ClaimAsync),
/// so exactly one replica handles it.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxWakeUp wakeUp, TimeProvider clock, IMeterFactory meters, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;
    private const int BatchSize = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private const string ConsumersSavepoint = "outbox_consumers";
    public const string MeterName = "Tahseen.Outbox";
    private static readonly MethodInfo ConsumeMethod = typeof(OutboxDispatcher).GetMethod(nameof(ConsumeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Consumers = new();

    private long _lag;

    /// <summary>Events committed but not yet handled, as of the last pass: the outbox lag.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        meters.Create(MeterName).CreateObservableGauge("tahseen.outbox.lag", () => Lag, unit: "{event}", description: "Outbox events waiting for their side effects.");
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var nextCommit = wakeUp.Next;
            var handled = 0;
            try
            {
                handled = await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }

            if (handled < BatchSize)
            {
                await Task.WhenAny(nextCommit, Task.Delay(PollInterval, stoppingToken));
            }
        }
    }

    /// <summary>One pass over the events that are due; returns how many it took up.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            var pending = db.OutboxEvents.Where(e => e.DispatchTime == null && e.DeadLetterTime == null);
            Interlocked.Exchange(ref _lag, await pending.LongCountAsync(cancellationToken));
            due = await pending
                .Where(e => e.NextAttemptTime <= now)
                .OrderBy(e => e.Cursor)
                .Select(e => e.Cursor)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var cursor in due)
        {
            await DispatchAsync(cursor, cancellationToken);
        }

        return due.Count;
    }

    private async Task DispatchAsync(long cursor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(db, cursor, cancellationToken))
        {
            return;
        }

        var outboxEvent = await db.OutboxEvents.SingleAsync(e => e.Cursor == cursor, cancellationToken);
        await transaction.CreateSavepointAsync(ConsumersSavepoint, cancellationToken);
        string failure;
        try
        {
            var domainEvent = DomainEventTypes.Deserialize(outboxEvent.EventType, outboxEvent.Payload);
            await ConsumerOf(domainEvent.GetType()).InvokeAsync(scope.ServiceProvider, domainEvent, cancellationToken);
            outboxEvent.MarkDispatched(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Interlocked.Decrement(ref _lag);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogConsumerFailed(exception, cursor, outboxEvent.EventType);
            failure = exception.GetType().Name + ": " + exception.Message;
        }

        // The consumers' writes are undone; the claim is kept, so the failure is counted once.
        await transaction.RollbackToSavepointAsync(ConsumersSavepoint, CancellationToken.None);
        db.ChangeTracker.Clear();
        var failed = await db.OutboxEvents.SingleAsync(e => e.Cursor == cursor, cancellationToken);
        failed.MarkFailed(failure, clock.GetUtcNow(), MaxAttempts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (failed.DeadLetterTime is not null)
        {
            LogDeadLettered(cursor, failed.EventType, failed.AttemptCount);
        }
    }

    /// <summary>
    /// Makes this transaction the only one handling the event until it ends; false when the event is
    /// done or another replica holds it. PostgreSQL locks the row and skips it when it is locked, so
    /// replicas share the work instead of queueing behind each other; a replica that dies mid-event
    /// loses its connection, its transaction and the lock, and another takes the event up. SQLite has
    /// one writer: the no-op update takes the database's write lock before the event is re-read.
    /// </summary>
    private static async Task<bool> ClaimAsync(TahseenDbContext db, long cursor, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var locked = await db.Database.SqlQuery<long>($"""
                SELECT "Cursor" AS "Value" FROM outbox_events
                WHERE "Cursor" = {cursor} AND "DispatchTime" IS NULL AND "DeadLetterTime" IS NULL
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            return locked.Count == 1;
        }

        var claimed = await db.OutboxEvents
            .Where(e => e.Cursor == cursor && e.DispatchTime == null && e.DeadLetterTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AttemptCount, e => e.AttemptCount), cancellationToken);
        return claimed == 1;
    }

    private static MethodInfo ConsumerOf(Type eventType) =>
        Consumers.GetOrAdd(eventType, type => ConsumeMethod.MakeGenericMethod(type));

    private static async Task ConsumeAsync<TEvent>(IServiceProvider services, TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : DomainEvent
    {
        foreach (var consumer in services.GetServices<IDomainEventConsumer<TEvent>>())
        {
            await consumer.HandleAsync(domainEvent, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; retrying at the next poll")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {Cursor} ({EventType}) failed in a consumer")]
    private partial void LogConsumerFailed(Exception exception, long cursor, string eventType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {Cursor} ({EventType}) dead-lettered after {Attempts} attempts")]
    private partial void LogDeadLettered(long cursor, string eventType, int attempts);
}

internal static class ConsumerInvocation
{
    public static Task InvokeAsync(this MethodInfo consume, IServiceProvider services, DomainEvent domainEvent, CancellationToken cancellationToken) =>
        (Task)consume.Invoke(null, [services, domainEvent, cancellationToken])!;
}
