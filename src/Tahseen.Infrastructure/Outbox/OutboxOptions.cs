namespace Tahseen.Infrastructure.Outbox;

/// <summary>Configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How long dispatched events stay readable by the change feed (StreamTicketEvents). A consumer
    /// down for longer resumes with CURSOR_EXPIRED and starts again from cursor "0".
    /// </summary>
    public int RetentionDays { get; set; } = 7;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
