using System.Runtime.CompilerServices;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>
/// Follows one ticket: first its current state, then an event per status change, public message and
/// assignment, until the caller cancels or the ticket reaches a final status (the stream then ends
/// with OK). The events are read from the outbox by cursor, so a watcher sees every committed change
/// whichever process made it. The submitter may watch their own ticket; staff any ticket.
/// </summary>
[RequireRoles(RoleSets.People)]
public sealed record WatchTicketQuery(string TicketId) : IRequest<IAsyncEnumerable<TicketStreamEvent>>;

public sealed class WatchTicketQueryValidator : AbstractValidator<WatchTicketQuery>
{
    public WatchTicketQueryValidator() => RuleFor(q => q.TicketId).Identifier();
}

public sealed class WatchTicketQueryHandler(IApplicationDbContext db, ICurrentUser user, ITicketFeed feed, TimeProvider clock)
    : IRequestHandler<WatchTicketQuery, IAsyncEnumerable<TicketStreamEvent>>
{
    private const int BatchSize = 100;

    public async Task<IAsyncEnumerable<TicketStreamEvent>> Handle(WatchTicketQuery request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var query = db.Tickets.AsNoTracking().Where(t => t.Id == ticketId);
        if (!user.IsStaff())
        {
            var submitterId = user.AccountId;
            query = query.Where(t => t.SubmitterAccountId == submitterId);
        }

        // The cursor is read before the snapshot: a change committed in between is then both in the
        // snapshot and after the cursor, never in neither. The version tells the duplicates apart.
        var stream = feed.OpenStream();
        try
        {
            var cursor = await feed.LatestCursorAsync(cancellationToken);
            var ticket = await query.FirstOrDefaultAsync(cancellationToken)
                ?? throw new TahseenException(ErrorReason.TicketNotFound);
            var snapshot = new TicketStreamEvent(0, TicketEventKind.Snapshot, TicketViews.ToPublic(ticket), ticket.Version, clock.GetUtcNow());
            return Stream(stream, ticketId, cursor, snapshot, cancellationToken);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private async IAsyncEnumerable<TicketStreamEvent> Stream(
        IDisposable stream, Guid ticketId, long cursor, TicketStreamEvent snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (stream)
        {
            yield return snapshot;
            if (TicketStateMachine.IsFinal(snapshot.Ticket.Status))
            {
                yield break;
            }

            // A stream never shows the ticket going back in time: an event older than one delivered is
            // skipped, and so are the events of the versions already in the snapshot.
            var delivered = snapshot.Version;
            while (!cancellationToken.IsCancellationRequested)
            {
                var nextCommit = feed.NextCommit;
                var batch = await ReadOrEndAsync(cursor, ticketId, cancellationToken);
                if (batch is null)
                {
                    yield break;
                }

                foreach (var ticketEvent in batch)
                {
                    cursor = ticketEvent.Cursor;
                    if (ticketEvent.Version > snapshot.Version && ticketEvent.Version >= delivered && ticketEvent.Kind is not (TicketEventKind.Submitted or TicketEventKind.SlaAtRisk or TicketEventKind.SlaBreached))
                    {
                        delivered = ticketEvent.Version;
                        yield return ticketEvent;
                        if (TicketStateMachine.IsFinal(ticketEvent.Ticket.Status))
                        {
                            // Nothing can happen to a closed, withdrawn or rejected ticket: the watch is over.
                            yield break;
                        }
                    }
                }

                if (batch.Count < BatchSize && !await WaitOrEndAsync(nextCommit, cancellationToken))
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Cancellation is how every watch ends, so it ends the stream normally rather than as a failure.</summary>
    private async Task<IReadOnlyList<TicketStreamEvent>?> ReadOrEndAsync(long cursor, Guid ticketId, CancellationToken cancellationToken)
    {
        try
        {
            return await feed.ReadAsync(cursor, ticketId, BatchSize, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<bool> WaitOrEndAsync(Task nextCommit, CancellationToken cancellationToken)
    {
        try
        {
            await feed.WaitForEventsAsync(nextCommit, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
