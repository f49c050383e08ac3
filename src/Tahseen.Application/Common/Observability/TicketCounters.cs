using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Observability;

/// <summary>
/// Counts tickets as the outbox delivers their committed events: submitted, resolved, and breached
/// (resolved or rejected after the due time), each by ticket type. The outbox
/// delivers at least once, so a retried delivery may count an event twice: these are operational
/// figures, not statistics (GetTicketStatistics reads the tickets themselves).
/// </summary>
public sealed class TicketCounters(IApplicationDbContext db) : IDomainEventConsumer<TicketSubmitted>, IDomainEventConsumer<TicketStatusChanged>
{
    public async Task HandleAsync(TicketSubmitted domainEvent, CancellationToken cancellationToken)
    {
        var type = await db.Tickets.AsNoTracking().Where(t => t.Id == domainEvent.TicketId).Select(t => t.Type).FirstAsync(cancellationToken);
        TahseenMetrics.TicketsSubmitted.Add(1, TypeTag(type));
    }

    public async Task HandleAsync(TicketStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.ToStatus is not (TicketStatus.Resolved or TicketStatus.Rejected))
        {
            return;
        }

        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == domainEvent.TicketId)
            .Select(t => new { t.Type, t.DueTime }).FirstAsync(cancellationToken);
        if (domainEvent.ToStatus == TicketStatus.Resolved)
        {
            TahseenMetrics.TicketsResolved.Add(1, TypeTag(ticket.Type));
        }

        if (domainEvent.OccurredTime > ticket.DueTime)
        {
            TahseenMetrics.TicketsBreached.Add(1, TypeTag(ticket.Type));
        }
    }

    private static KeyValuePair<string, object?> TypeTag(TicketType type) => new("type", type.ToString().ToLowerInvariant());
}
