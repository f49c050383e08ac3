using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>A change to one ticket. <see cref="Version"/> is the ticket's version once the change is made.</summary>
public abstract record TicketDomainEvent(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime) : DomainEvent;

public sealed record TicketSubmitted(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>Given to a staff member, or back to the queue when <see cref="AssigneeAccountId"/> is null.</summary>
public sealed record TicketAssigned(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, Guid? AssigneeAccountId)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>A message in the public thread, which the submitter reads.</summary>
public sealed record TicketMessageAdded(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, ActorRole AuthorRole)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

public sealed record TicketStatusChanged(
    Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, TicketStatus FromStatus, TicketStatus ToStatus)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>A duplicate was merged into <see cref="IntoTicketId"/>, which closed it: the submitter is told once.</summary>
public sealed record TicketMerged(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, Guid IntoTicketId)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>Most of the ticket's working time is used (<see cref="SlaPolicy"/>), raised once per due time.</summary>
public sealed record TicketSlaAtRisk(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, DateTimeOffset DueTime)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>The due time passed while the ticket was open: it is escalated. Raised once per due time.</summary>
public sealed record TicketSlaBreached(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, DateTimeOffset DueTime)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>Staff-only bookkeeping: never shown to the submitter.</summary>
public sealed record TicketInternalNoteAdded(Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);

/// <summary>The due time moved because the working calendar changed (a holiday added, moved or removed).</summary>
public sealed record TicketDueTimeChanged(
    Guid TicketId, long Version, TicketAction Action, DateTimeOffset OccurredTime, DateTimeOffset PreviousDueTime, DateTimeOffset DueTime)
    : TicketDomainEvent(TicketId, Version, Action, OccurredTime);
