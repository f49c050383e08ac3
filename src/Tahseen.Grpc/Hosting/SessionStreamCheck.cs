namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Every few seconds, ends the streams whose session another replica ended. Ends made in this process
/// reach their streams at once through <see cref="SessionStreams"/>; this bounds the rest to the interval.
/// </summary>
public sealed partial class SessionStreamCheck(SessionStreams streams, TimeProvider clock, ILogger<SessionStreamCheck> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await streams.CheckSessionsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCheckFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the sessions of open streams failed; retrying at the next interval")]
    private partial void LogCheckFailed(Exception exception);
}
