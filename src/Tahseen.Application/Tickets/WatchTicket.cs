using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
/// assignment, until the caller cancels or the ticket reaches a final status (the stream then ends with OK). The submitter may watch their own ticket; staff any ticket.
/// </summary>
public sealed record WatchTicketQuery(string TicketId) : IRequest<IAsyncEnumerable<TicketEvent>>;

public sealed class WatchTicketQueryValidator : AbstractValidator<WatchTicketQuery>
{
    public WatchTicketQueryValidator() => RuleFor(q => q.TicketId).Identifier();
}

public sealed class WatchTicketQueryHandler(IApplicationDbContext db, ICurrentUser user, ITicketEvents events, TimeProvider clock)
    : IRequestHandler<WatchTicketQuery, IAsyncEnumerable<TicketEvent>>
{
    public async Task<IAsyncEnumerable<TicketEvent>> Handle(WatchTicketQuery request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var query = db.Tickets.AsNoTracking().Where(t => t.Id == ticketId);
        if (!user.IsStaff())
        {
            var submitterId = user.AccountId;
            query = query.Where(t => t.SubmitterAccountId == submitterId);
        }

        // Subscribe before reading the snapshot: a change committed in between is then both in the
        // snapshot and in the queue, never in neither. The version tells the duplicates apart.
        var subscription = events.Subscribe(ticketId);
        try
        {
            var ticket = await query.FirstOrDefaultAsync(cancellationToken)
                ?? throw new TahseenException(ErrorReason.TicketNotFound);
            var snapshot = new TicketEvent(TicketEventKind.Snapshot, TicketViews.ToPublic(ticket), ticket.Version, clock.GetUtcNow());
            return Stream(subscription, snapshot, cancellationToken);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    private static async IAsyncEnumerable<TicketEvent> Stream(
        ITicketSubscription subscription, TicketEvent snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (subscription)
        {
            yield return snapshot;
            if (TicketStateMachine.IsFinal(snapshot.Ticket.Status))
            {
                yield break;
            }

            // Events are published after their commits, so two close changes can arrive out of order; an
            // event older than one delivered would show the ticket going back in time. One change may raise
            // several events of the same version; those already in the snapshot are skipped.
            var delivered = snapshot.Version;
            while (await WaitForEventsAsync(subscription.Events, cancellationToken))
            {
                while (subscription.Events.TryRead(out var ticketEvent))
                {
                    if (ticketEvent.Version > snapshot.Version && ticketEvent.Version >= delivered)
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
            }
        }
    }

    /// <summary>Cancellation is how every watch ends, so it ends the stream normally rather than as a failure.</summary>
    private static async Task<bool> WaitForEventsAsync(ChannelReader<TicketEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
