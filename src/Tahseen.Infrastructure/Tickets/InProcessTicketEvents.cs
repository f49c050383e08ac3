using System.Threading.Channels;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Tickets;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>
/// Ticket events within this process: each watcher has its own bounded channel. This only reaches
/// watchers connected to the replica that made the change; running several replicas needs a shared
/// bus (PostgreSQL LISTEN/NOTIFY, Redis) behind the same <see cref="ITicketEvents"/> port.
/// </summary>
public sealed class InProcessTicketEvents : ITicketEvents
{
    /// <summary>
    /// Events a slow watcher may fall behind by. When full, the oldest is dropped: every event carries
    /// the whole ticket, so a watcher that misses intermediate events still ends with the current state,
    /// and a publisher never waits for a watcher.
    /// </summary>
    public const int Capacity = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<Channel<TicketEvent>>> _watchers = [];

    /// <summary>How many watches are open, across all tickets.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Values.Sum(channels => channels.Count);
            }
        }
    }

    public void Publish(TicketEvent ticketEvent)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        Channel<TicketEvent>[] channels;
        lock (_lock)
        {
            if (!_watchers.TryGetValue(ticketEvent.Ticket.TicketId, out var watching))
            {
                return;
            }

            channels = [.. watching];
        }

        foreach (var channel in channels)
        {
            channel.Writer.TryWrite(ticketEvent);
        }
    }

    public ITicketSubscription Subscribe(Guid ticketId)
    {
        var channel = Channel.CreateBounded<TicketEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (!_watchers.TryGetValue(ticketId, out var watching))
            {
                _watchers[ticketId] = watching = [];
            }

            watching.Add(channel);
        }

        return new Subscription(this, ticketId, channel);
    }

    private void Unsubscribe(Guid ticketId, Channel<TicketEvent> channel)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(ticketId, out var watching) && watching.Remove(channel) && watching.Count == 0)
            {
                _watchers.Remove(ticketId);
            }
        }

        channel.Writer.TryComplete();
    }

    private sealed class Subscription(InProcessTicketEvents owner, Guid ticketId, Channel<TicketEvent> channel) : ITicketSubscription
    {
        private int _disposed;

        public ChannelReader<TicketEvent> Events => channel.Reader;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(ticketId, channel);
            }
        }
    }
}
