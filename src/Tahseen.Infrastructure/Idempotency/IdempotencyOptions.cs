namespace Tahseen.Infrastructure.Idempotency;

/// <summary>Configuration section "Idempotency".</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>
    /// How long a request id keeps its answer: a retry within this time gets the first answer; after
    /// it the id is forgotten (and its stored answer, which can hold personal data, deleted).
    /// </summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}
