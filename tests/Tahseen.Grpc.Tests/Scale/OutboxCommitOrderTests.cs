using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Scale;

/// <summary>
/// Gap-safe cursors on PostgreSQL: two transactions write events, the second tries to commit first, and
/// a reader that keeps reading by cursor sees both. The control shows the hazard is real: without the
/// commit-order trigger the later cursor commits first and a reader passes the earlier one for good.
/// </summary>
public sealed class OutboxCommitOrderTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string CopyEvent = """
        INSERT INTO outbox_events ("EventId", "EventType", "StreamId", "StreamVersion", "Payload", "Snapshot", "OccurredTime", "NextAttemptTime", "AttemptCount")
        SELECT gen_random_uuid(), "EventType", "StreamId", "StreamVersion", "Payload", "Snapshot", "OccurredTime", "NextAttemptTime", 0
        FROM outbox_events WHERE "Cursor" = @cursor
        RETURNING "Cursor"
        """;

    private readonly TicketKit _kit = new(factory);

    private ITicketFeed Feed => factory.Services.GetRequiredService<ITicketFeed>();

    [PostgreSqlFact("sequence values commit out of order only on a server with concurrent writers")]
    public async Task Events_whose_transactions_try_to_commit_in_reverse_order_are_both_read()
    {
        var start = await OneCommittedEventAsync();

        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();
        var firstCursor = await InsertCopyAsync(first, start);

        // The second writer starts now and commits as soon as it can, before the first does.
        var secondCommitted = Task.Run(async () =>
        {
            var cursor = await InsertCopyAsync(second, start);
            await secondTransaction.CommitAsync();
            return cursor;
        });
        await WaitUntilWaitingForLockAsync(second.ProcessID);
        (await Feed.ReadAsync(start, null, 10, CancellationToken.None)).Should().BeEmpty("nothing has committed");

        await firstTransaction.CommitAsync();
        var secondCursor = await secondCommitted;

        secondCursor.Should().BeGreaterThan(firstCursor, "the second writer drew its cursor only once the first had committed");
        var read = await Feed.ReadAsync(start, null, 10, CancellationToken.None);
        read.Select(e => e.Cursor).Should().Equal(firstCursor, secondCursor);
    }

    [PostgreSqlFact("the control: what a reader would miss on PostgreSQL without the commit-order trigger")]
    public async Task Without_the_commit_order_trigger_a_reader_passes_an_event_that_commits_late()
    {
        var start = await OneCommittedEventAsync();
        await factory.Database.ExecuteAsync("ALTER TABLE outbox_events DISABLE TRIGGER outbox_events_commit_order");
        try
        {
            await using var first = await OpenAsync();
            await using var second = await OpenAsync();
            await using var firstTransaction = await first.BeginTransactionAsync();
            await using var secondTransaction = await second.BeginTransactionAsync();
            var firstCursor = await InsertCopyAsync(first, start);
            var secondCursor = await InsertCopyAsync(second, start);
            await secondTransaction.CommitAsync();

            var read = await Feed.ReadAsync(start, null, 10, CancellationToken.None);
            read.Select(e => e.Cursor).Should().Equal(secondCursor);
            await firstTransaction.CommitAsync();

            (await Feed.ReadAsync(read[^1].Cursor, null, 10, CancellationToken.None)).Should().BeEmpty(
                $"cursor {firstCursor} committed below the reader's position {secondCursor}: this is the gap the trigger closes");
        }
        finally
        {
            await factory.Database.ExecuteAsync("ALTER TABLE outbox_events ENABLE TRIGGER outbox_events_commit_order");
        }
    }

    private async Task<long> OneCommittedEventAsync()
    {
        var citizen = await _kit.CitizenAsync();
        await _kit.SubmitAsync(citizen);
        return await Feed.LatestCursorAsync(CancellationToken.None);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> InsertCopyAsync(NpgsqlConnection connection, long cursor)
    {
        await using var command = new NpgsqlCommand(CopyEvent, connection);
        command.Parameters.AddWithValue("cursor", cursor);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reads the server's own view of the session until it waits on a lock (bounded: at most 3,000 looks).</summary>
    private async Task WaitUntilWaitingForLockAsync(int processId)
    {
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            var waiting = await factory.Database.ScalarAsync(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = @pid", ("pid", processId));
            if (waiting as string == "Lock")
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"Session {processId} never waited for the commit-order lock.");
    }
}
