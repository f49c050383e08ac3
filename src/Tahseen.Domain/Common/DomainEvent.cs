namespace Tahseen.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, raised by the aggregate itself as it changes. The
/// persistence layer stores raised events in the outbox in the same transaction as the change, so an
/// event exists if and only if its change committed.
/// </summary>
public abstract record DomainEvent
{
    /// <summary>Names the event for consumers that must handle it once only.</summary>
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>An aggregate that raises domain events; they wait here until the unit of work saves them.</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<DomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
