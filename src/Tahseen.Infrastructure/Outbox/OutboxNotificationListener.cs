using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// On PostgreSQL, wakes this replica's outbox readers (watch streams, the change feed, the dispatcher)
/// when any replica commits events: a trigger on <c>outbox_events</c> sends <c>NOTIFY tahseen_outbox</c>,
/// which PostgreSQL delivers at commit. Only a hint, like <see cref="OutboxWakeUp"/>: readers still read
/// by cursor and poll, so a lost connection delays events by at most a poll, never loses one. The
/// connection is its own (not pooled) and is opened again with back-off when it drops.
/// </summary>
public sealed partial class OutboxNotificationListener(
    OutboxNotificationListener.Connection connection, OutboxWakeUp wakeUp, ILogger<OutboxNotificationListener> logger)
    : BackgroundService
{
    /// <summary>The channel the migration's trigger notifies.</summary>
    public const string Channel = "tahseen_outbox";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>The database the replica serves.</summary>
    public sealed record Connection(string ConnectionString);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or IOException or TimeoutException)
            {
                LogListenFailed(exception, retry);
            }

            // Back-off on the real clock: it paces reconnects to a server, not anything a ticket's time depends on.
            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false, KeepAlive = 30 };
        await using var listening = new NpgsqlConnection(builder.ConnectionString);
        await listening.OpenAsync(stoppingToken);
        listening.Notification += (_, _) => wakeUp.Signal();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", listening))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever committed while nobody was listening is read now rather than at the next poll.
        wakeUp.Signal();
        LogListening();
        while (true)
        {
            await listening.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for outbox commits of other replicas")]
    private partial void LogListening();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox notifications lost; listening again in {Retry} (readers poll meanwhile)")]
    private partial void LogListenFailed(Exception exception, TimeSpan retry);
}
