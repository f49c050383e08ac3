using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Maintenance;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>What the outbox purge keeps (see <see cref="FeedRetentionTests"/> for what the feed makes of it).</summary>
public sealed class OutboxPurgeTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_dead_lettered_event_holds_the_purge_back_at_its_cursor()
    {
        var citizen = await _kit.CitizenAsync();
        var parked = await _kit.SubmitAsync(citizen);
        await _kit.Harness.DeliverSmsAsync();
        long stuckCursor;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            var parkedId = Guid.Parse(parked.TicketId);
            var stuck = await db.OutboxEvents.SingleAsync(e => e.StreamId == parkedId);
            for (var attempt = 0; attempt < OutboxDispatcher.MaxAttempts; attempt++)
            {
                stuck.MarkFailed("HttpRequestException: down", factory.Clock.GetUtcNow(), OutboxDispatcher.MaxAttempts);
            }

            // Parked before the dispatcher ran it: as if every attempt had failed.
            db.Entry(stuck).Property(e => e.DispatchTime).CurrentValue = null;
            await db.SaveChangesAsync();
            stuckCursor = stuck.Cursor;
        }

        factory.Clock.Advance(TimeSpan.FromDays(30));
        await factory.Services.GetRequiredService<ExpiredRecordsPurger>().PurgeAsync(CancellationToken.None);

        var retained = await CursorsAsync();
        retained.Should().Contain(stuckCursor, "a dead letter is never dropped");
        retained.Should().OnlyContain(c => c >= stuckCursor, "only a prefix of the cursor order is purged");
    }

    private async Task<List<long>> CursorsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.OrderBy(e => e.Cursor).Select(e => e.Cursor).ToListAsync();
    }
}
