using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// Moves the domain events that tracked aggregates raised into <c>outbox_events</c>, as part of the same
/// SaveChanges and so of the same transaction: an event is stored if and only if its change commits.
/// Each row keeps the aggregate's public view as this save leaves it, so that readers of the feed see
/// the ticket as the change made it, not as it is when they read.
/// </summary>
public sealed class DomainEventsToOutbox : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddToOutbox(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddToOutbox(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AddToOutbox(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var raisers = context.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(e => e.Entity)
            .Where(e => e.DomainEvents.Count > 0)
            .ToList();
        foreach (var aggregate in raisers)
        {
            var snapshot = SnapshotOf(aggregate);
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                var (streamId, version, occurred) = domainEvent switch
                {
                    TicketDomainEvent e => (e.TicketId, e.Version, e.OccurredTime),
                    _ => throw new InvalidOperationException($"No outbox stream for {domainEvent.GetType().Name}."),
                };
                context.Add(new OutboxEvent(
                    domainEvent.EventId,
                    DomainEventTypes.NameOf(domainEvent),
                    streamId,
                    version,
                    DomainEventTypes.Serialize(domainEvent),
                    snapshot,
                    occurred));
            }

            aggregate.ClearDomainEvents();
        }
    }

    private static string SnapshotOf(IHasDomainEvents aggregate) => aggregate switch
    {
        Ticket ticket => JsonSerializer.Serialize(TicketViews.ToPublic(ticket), DomainEventTypes.Json),
        _ => throw new InvalidOperationException($"No outbox snapshot for {aggregate.GetType().Name}."),
    };
}
