using Tahseen.Application.Tickets;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Ticket events read from the outbox in cursor order. Polling by cursor is the truth; the wake-up
/// only shortens the wait, so a reader never depends on which process committed a change.
/// </summary>
public interface ITicketFeed
{
    /// <summary>The cursor of the newest committed event; 0 when there is none.</summary>
    Task<long> LatestCursorAsync(CancellationToken cancellationToken);

    /// <summary>The cursor of the oldest event still retained; null when none is.</summary>
    Task<long?> OldestCursorAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="afterCursor"/>, oldest first.</summary>
    Task<IReadOnlyList<TicketStreamEvent>> ReadAsync(long afterCursor, Guid? ticketId, int limit, CancellationToken cancellationToken);

    /// <summary>Completes at the next commit in this process. Take it before reading, then wait on it.</summary>
    Task NextCommit { get; }

    /// <summary>Returns when <paramref name="nextCommit"/> completes or the poll interval has passed.</summary>
    Task WaitForEventsAsync(Task nextCommit, CancellationToken cancellationToken);

    /// <summary>Registers a live stream for as long as it is open; for limits and for tests.</summary>
    IDisposable OpenStream();
}
