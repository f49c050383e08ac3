using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Events;

/// <summary>
/// A side effect of a committed change, run by the outbox dispatcher after commit, at least once. It
/// runs in the dispatcher's transaction together with marking the event done, so what it writes to the
/// database happens exactly once; what it sends elsewhere must carry <see cref="DomainEvent.EventId"/>
/// so that a resend can be recognised.
/// </summary>
public interface IDomainEventConsumer<in TEvent>
    where TEvent : DomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
