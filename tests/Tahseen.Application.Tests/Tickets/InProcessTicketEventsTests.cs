using Tahseen.Application.Tickets;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Application.Tests.Tickets;

public sealed class InProcessTicketEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly InProcessTicketEvents _events = new();

    [Fact]
    public void A_watcher_receives_the_events_of_its_ticket_only()
    {
        var watched = Guid.CreateVersion7();
        using var subscription = _events.Subscribe(watched);

        _events.Publish(Event(Guid.CreateVersion7(), version: 2));
        _events.Publish(Event(watched, version: 3));

        subscription.Events.TryRead(out var received).Should().BeTrue();
        received!.Ticket.TicketId.Should().Be(watched);
        subscription.Events.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void A_watcher_that_falls_behind_loses_the_oldest_events_and_never_holds_up_the_publisher()
    {
        var ticketId = Guid.CreateVersion7();
        using var slow = _events.Subscribe(ticketId);

        for (var version = 1; version <= InProcessTicketEvents.Capacity + 10; version++)
        {
            _events.Publish(Event(ticketId, version));
        }

        var kept = new List<long>();
        while (slow.Events.TryRead(out var ticketEvent))
        {
            kept.Add(ticketEvent.Version);
        }

        kept.Should().HaveCount(InProcessTicketEvents.Capacity);
        kept[^1].Should().Be(InProcessTicketEvents.Capacity + 10, "the newest state always gets through");
        kept.Should().BeInAscendingOrder();
    }

    [Fact]
    public void Disposing_a_subscription_stops_the_watch_and_completes_its_channel()
    {
        var ticketId = Guid.CreateVersion7();
        var subscription = _events.Subscribe(ticketId);
        using var other = _events.Subscribe(ticketId);
        _events.SubscriberCount.Should().Be(2);

        subscription.Dispose();
        subscription.Dispose();
        _events.Publish(Event(ticketId, version: 2));

        _events.SubscriberCount.Should().Be(1);
        subscription.Events.Completion.IsCompleted.Should().BeTrue();
        other.Events.TryRead(out _).Should().BeTrue();
    }

    private static TicketEvent Event(Guid ticketId, long version) => new(
        TicketEventKind.StatusChanged,
        new TicketDto(
            ticketId, "TH-2026-000001", TicketType.Complaint, Guid.CreateVersion7(), "Subject", "Description",
            TicketStatus.InProgress, Guid.CreateVersion7(), null, null, Now, Now, Now.AddDays(7), [], null),
        version,
        Now);
}
