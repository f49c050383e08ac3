using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tahseen.Infrastructure.Privacy;

/// <summary>Runs the erasure job and the ticket-content retention at start-up and then every interval.</summary>
public sealed partial class DataProtectionWorker(
    DataProtectionJobs jobs, IOptions<TicketContentRetentionOptions> options, TimeProvider clock, ILogger<DataProtectionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PrivacyJobsInterval, clock);
        do
        {
            try
            {
                await jobs.RunErasuresAsync(stoppingToken);
                await jobs.RunContentRetentionAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A data-protection pass (erasure or retention) failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
