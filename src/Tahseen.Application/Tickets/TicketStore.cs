using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>
/// Loads tickets for a change and saves them afterwards, then tells watchers what changed. Scoped to
/// one request: it remembers how each ticket looked when loaded, to know which events to publish.
/// </summary>
public sealed class TicketStore(IApplicationDbContext db, ITicketEvents events, TimeProvider clock)
{
    private readonly Dictionary<Ticket, TicketState> _loaded = [];

    /// <summary>A ticket of the submitter's own; anyone else's is TICKET_NOT_FOUND, exactly like a missing one.</summary>
    public Task<Ticket> GetOwnAsync(Guid ticketId, Guid submitterId, CancellationToken cancellationToken) =>
        LoadAsync(db.Tickets.Where(t => t.Id == ticketId && t.SubmitterAccountId == submitterId), cancellationToken);

    /// <summary>Any ticket, for staff.</summary>
    public Task<Ticket> GetAsync(Guid ticketId, CancellationToken cancellationToken) =>
        LoadAsync(db.Tickets.Where(t => t.Id == ticketId), cancellationToken);

    /// <summary>
    /// Commits the unit of work; the ticket's version guards against a concurrent change, which makes
    /// this fail rather than overwrite. Events go out only once the change is committed.
    /// </summary>
    public async Task SaveAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var before = _loaded[ticket];
        _loaded[ticket] = TicketState.Of(ticket);
        Publish(ticket, before);
    }

    private async Task<Ticket> LoadAsync(IQueryable<Ticket> query, CancellationToken cancellationToken)
    {
        var ticket = await query.FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
        _loaded[ticket] = TicketState.Of(ticket);
        return ticket;
    }

    private void Publish(Ticket ticket, TicketState before)
    {
        var kinds = new List<TicketEventKind>();
        if (ticket.History.Skip(before.HistoryCount).Any(h => h.Action == TicketAction.Assigned))
        {
            kinds.Add(TicketEventKind.Assigned);
        }

        if (ticket.Messages.Count > before.MessageCount)
        {
            kinds.Add(TicketEventKind.MessageAdded);
        }

        if (ticket.Status != before.Status)
        {
            kinds.Add(TicketEventKind.StatusChanged);
        }

        if (kinds.Count == 0)
        {
            return;
        }

        var view = TicketViews.ToPublic(ticket);
        var now = clock.GetUtcNow();
        foreach (var kind in kinds)
        {
            events.Publish(new TicketEvent(kind, view, ticket.Version, now));
        }
    }

    private readonly record struct TicketState(TicketStatus Status, int MessageCount, int HistoryCount)
    {
        public static TicketState Of(Ticket ticket) => new(ticket.Status, ticket.Messages.Count, ticket.History.Count);
    }
}
