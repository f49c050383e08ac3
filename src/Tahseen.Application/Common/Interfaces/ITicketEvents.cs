using System.Threading.Channels;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// What happens to tickets, for those who watch them. Publish only after the change has committed, so
/// that a watcher never sees a change that was rolled back.
/// </summary>
public interface ITicketEvents
{
    void Publish(TicketEvent ticketEvent);

    /// <summary>Starts receiving the events of one ticket; dispose the subscription to stop.</summary>
    ITicketSubscription Subscribe(Guid ticketId);
}

public interface ITicketSubscription : IDisposable
{
    ChannelReader<TicketEvent> Events { get; }
}
