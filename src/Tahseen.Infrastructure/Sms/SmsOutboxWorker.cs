using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tahseen.Infrastructure.Sms;

/// <summary>
/// Runs <see cref="SmsOutboxDispatcher"/> passes: at once when a transaction that queued an SMS commits,
/// and at least every poll interval, so a missed wake-up or a message due for retry waits no longer.
/// </summary>
public sealed partial class SmsOutboxWorker(SmsOutboxDispatcher dispatcher, OutboxSignal signal, ILogger<SmsOutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDispatchFailed(exception);
            }

            if (handled < SmsOutboxDispatcher.BatchSize)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS outbox pass failed; retrying at the next poll")]
    private partial void LogDispatchFailed(Exception exception);
}
