namespace Tahseen.Domain.Tickets;

/// <summary>The submitter's verdict on a resolved ticket: a score from 1 to 5 and an optional comment.</summary>
public sealed record TicketRating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    internal TicketRating(int score, string? comment, DateTimeOffset createTime)
    {
        Score = score;
        Comment = comment;
        CreateTime = createTime;
    }

    private TicketRating()
    {
    }

    public int Score { get; private init; }

    public string? Comment { get; private set; }

    public DateTimeOffset CreateTime { get; private init; }

    internal void Redact(string marker)
    {
        if (Comment is not null)
        {
            Comment = marker;
        }
    }
}
