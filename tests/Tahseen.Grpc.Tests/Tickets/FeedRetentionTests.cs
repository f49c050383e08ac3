using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Integration;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Common;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Maintenance;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>
/// Issue 12, item 7: dispatched outbox events are kept for <c>Outbox:RetentionDays</c> (7 by default),
/// then purged; the change feed resumed from a purged cursor is CURSOR_EXPIRED, and "0" always starts at
/// the oldest event retained. The purge is driven by calling it, the clock by hand.
/// </summary>
public sealed class FeedRetentionTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private ExpiredRecordsPurger Purger => factory.Services.GetRequiredService<ExpiredRecordsPurger>();

    [Fact]
    public async Task Dispatched_events_are_purged_after_the_retention_and_a_purged_cursor_is_expired_while_0_starts_at_the_oldest()
    {
        var citizen = await _kit.CitizenAsync();
        await _kit.SubmitAsync(citizen);
        await _kit.SubmitAsync(citizen);
        await _kit.Harness.DeliverSmsAsync();
        var before = await CursorsAsync();
        before.Should().HaveCountGreaterThan(1);

        factory.Clock.Advance(TimeSpan.FromDays(6));
        await Purger.PurgeAsync(CancellationToken.None);
        (await CursorsAsync()).Should().Equal(before, "nothing is older than seven days yet");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        citizen = await _kit.RefreshedAsync(citizen);
        var recent = await _kit.SubmitAsync(citizen);
        await _kit.Harness.DeliverSmsAsync();
        await Purger.PurgeAsync(CancellationToken.None);

        var retained = await CursorsAsync();
        retained.Should().NotIntersectWith(before);
        var expired = await FluentActions.Awaiting(() => OpenFeedAsync(before[0].ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Should().ThrowAsync<TahseenException>();
        expired.Which.Reason.Should().Be(ErrorReason.CursorExpired);
        expired.Which.Reason.Category.Should().Be(ErrorCategory.OutOfRange);

        var fromZero = await FirstEventAsync("0");
        fromZero.Cursor.Should().Be(retained[0]);
        fromZero.Ticket.TicketId.ToString().Should().Be(recent.TicketId);
        (await FirstEventAsync((retained[0] - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).Cursor
            .Should().Be(retained[0], "a reader that saw the last purged event has missed nothing");

        factory.Clock.Advance(TimeSpan.FromDays(30));
        await Purger.PurgeAsync(CancellationToken.None);
        (await CursorsAsync()).Should().Equal([retained[^1]], "the newest event stays, so the feed's horizon is never lost");
    }

    private async Task<List<long>> CursorsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.OrderBy(e => e.Cursor).Select(e => e.Cursor).ToListAsync();
    }

    private async Task<IAsyncEnumerable<TicketStreamEvent>> OpenFeedAsync(string afterCursor)
    {
        var handler = new StreamTicketEventsQueryHandler(factory.Services.GetRequiredService<ITicketFeed>());
        return await handler.Handle(new StreamTicketEventsQuery(afterCursor, []), CancellationToken.None);
    }

    private async Task<TicketStreamEvent> FirstEventAsync(string afterCursor)
    {
        using var stop = new CancellationTokenSource();
        var handler = new StreamTicketEventsQueryHandler(factory.Services.GetRequiredService<ITicketFeed>());
        var events = await handler.Handle(new StreamTicketEventsQuery(afterCursor, []), stop.Token);
        await using var enumerator = events.GetAsyncEnumerator(stop.Token);
        (await enumerator.MoveNextAsync()).Should().BeTrue();
        var first = enumerator.Current;
        await stop.CancelAsync();
        return first;
    }
}
