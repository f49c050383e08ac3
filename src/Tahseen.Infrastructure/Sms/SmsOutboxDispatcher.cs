using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Observability;
using Tahseen.Domain.Notifications;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sms;

/// <summary>
/// Sends what the outbox holds. Each message is first leased with a conditional update, so several
/// replicas can run this on one database without sending a message twice; a failed send is retried
/// with back-off, and a lease left by a crashed process runs out and is taken again. The
/// <see cref="SmsOutboxWorker"/> runs passes in the background; tests run them by calling this.
/// </summary>
public sealed partial class SmsOutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SmsOutboxDispatcher> logger)
{
    public const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>One pass over the due messages; returns how many it handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var now = clock.GetUtcNow();

        var due = await db.SmsOutbox
            .Where(m => m.SentTime == null && m.AbandonTime == null && m.NextAttemptTime <= now)
            .OrderBy(m => m.NextAttemptTime)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            var leasedUntil = now + Lease;
            var leased = await db.SmsOutbox
                .Where(m => m.Id == message.Id && m.NextAttemptTime == message.NextAttemptTime && m.SentTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptTime, leasedUntil), cancellationToken);
            if (leased == 0)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(message.Id, message.MobileNumber, message.Body, cancellationToken);
                message.MarkSent(clock.GetUtcNow());
                if (message.Kind == SmsKind.OneTimeCode)
                {
                    TahseenMetrics.CodesSent.Add(1);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.MarkFailed(exception.GetType().Name + ": " + exception.Message, clock.GetUtcNow());
                LogSendFailed(exception, message.Id, message.AttemptCount);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {MessageId} failed on attempt {Attempt}")]
    private partial void LogSendFailed(Exception exception, Guid messageId, int attempt);
}
