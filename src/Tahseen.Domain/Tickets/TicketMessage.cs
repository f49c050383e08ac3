namespace Tahseen.Domain.Tickets;

/// <summary>One entry of the public thread, which the submitter sees.</summary>
public sealed class TicketMessage
{
    internal TicketMessage(
        long sequence,
        Guid authorAccountId,
        ActorRole authorRole,
        string body,
        DateTimeOffset createTime,
        Guid? cannedResponseId = null,
        string? mergedFromReferenceNumber = null)
    {
        CannedResponseId = cannedResponseId;
        MergedFromReferenceNumber = mergedFromReferenceNumber;
        Id = Guid.CreateVersion7(createTime);
        Sequence = sequence;
        AuthorAccountId = authorAccountId;
        AuthorRole = authorRole;
        Body = body;
        CreateTime = createTime;
    }

    private TicketMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The ticket's <see cref="Ticket.Version"/> when written: orders entries made in the same instant.</summary>
    public long Sequence { get; private set; }

    public Guid AuthorAccountId { get; private set; }

    public ActorRole AuthorRole { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset CreateTime { get; private set; }

    /// <summary>The canned response the message was written from, if any.</summary>
    public Guid? CannedResponseId { get; private set; }

    /// <summary>Copied from a ticket merged into this one: that ticket's reference number; null for the ticket's own messages.</summary>
    public string? MergedFromReferenceNumber { get; private set; }

    internal void Redact(string marker) => Body = marker;
}
