using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// Tells every outbox reader in this process that a transaction committed, so that watch streams, the
/// change feed and the dispatcher look at once instead of at their next poll. Only a hint: readers
/// always read by cursor, and other replicas' commits reach them by polling.
/// </summary>
public sealed class OutboxWakeUp : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next commit in this process.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Signal() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal();
        return Task.CompletedTask;
    }

    /// <summary>A save outside an explicit transaction commits on its own.</summary>
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfAutoCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfAutoCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void SignalIfAutoCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Signal();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
