namespace Tahseen.Domain.Tickets;

/// <summary>Staff-only bookkeeping on a ticket. Never part of the public thread.</summary>
public sealed class InternalNote
{
    internal InternalNote(long sequence, Guid authorAccountId, string authorDisplayName, string body, DateTimeOffset createTime)
    {
        Id = Guid.CreateVersion7(createTime);
        Sequence = sequence;
        AuthorAccountId = authorAccountId;
        AuthorDisplayName = authorDisplayName;
        Body = body;
        CreateTime = createTime;
    }

    private InternalNote()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The ticket's <see cref="Ticket.Version"/> when written: orders entries made in the same instant.</summary>
    public long Sequence { get; private set; }

    public Guid AuthorAccountId { get; private set; }

    public string AuthorDisplayName { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset CreateTime { get; private set; }

    internal void Redact(string marker) => Body = marker;
}
