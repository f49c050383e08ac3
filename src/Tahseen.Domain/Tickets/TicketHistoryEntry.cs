namespace Tahseen.Domain.Tickets;

/// <summary>Who did what to a ticket, and when: the audit trail and the source of watch events.</summary>
public sealed class TicketHistoryEntry
{
    internal TicketHistoryEntry(
        long sequence,
        TicketAction action,
        Guid? actorAccountId,
        ActorRole actorRole,
        TicketStatus? fromStatus,
        TicketStatus toStatus,
        DateTimeOffset createTime,
        string? detail)
    {
        Id = Guid.CreateVersion7(createTime);
        Sequence = sequence;
        Action = action;
        ActorAccountId = actorAccountId;
        ActorRole = actorRole;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        CreateTime = createTime;
        Detail = detail;
    }

    private TicketHistoryEntry()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The ticket's <see cref="Ticket.Version"/> after the change: orders entries made in the same instant.</summary>
    public long Sequence { get; private set; }

    public TicketAction Action { get; private set; }

    /// <summary>Null when the service acted on its own (<see cref="ActorRole.System"/>).</summary>
    public Guid? ActorAccountId { get; private set; }

    public ActorRole ActorRole { get; private set; }

    /// <summary>Null only for the submission, which has no status before it.</summary>
    public TicketStatus? FromStatus { get; private set; }

    public TicketStatus ToStatus { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    /// <summary>What the action needs remembered: a rejection or withdrawal reason, the new assignee's account id.</summary>
    public string? Detail { get; private set; }

    /// <summary>Reasons are free text; an assignee id is not personal content and stays.</summary>
    internal void Redact(string marker)
    {
        if (Action is TicketAction.Rejected or TicketAction.Withdrawn && Detail is not null)
        {
            Detail = marker;
        }
    }
}
