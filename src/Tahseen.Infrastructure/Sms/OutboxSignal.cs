using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tahseen.Domain.Notifications;

namespace Tahseen.Infrastructure.Sms;

/// <summary>
/// Wakes the dispatcher as soon as a transaction that queued an SMS commits, so codes go out at once
/// rather than at the next poll. A save inside a unit of work's transaction is not yet visible, so every
/// commit wakes it too. A missed wake-up costs only the poll interval.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfQueued(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfQueued(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();

    private void NotifyIfQueued(DbContext? context)
    {
        if (context is not null
            && context.ChangeTracker.Entries<SmsOutboxMessage>().Any(e => e.Entity.SentTime is null && e.Entity.AbandonTime is null))
        {
            Release();
        }
    }

    private void Release()
    {
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a concurrent save.
            }
        }
    }
}
