namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Where the kept chain starts: the sequence and hash of the last line retention removed (0 and the
/// genesis hash until the first purge). The chain check holds the oldest kept line to it, so removing
/// old lines by hand, rather than through the retention job, still shows as a break.
/// </summary>
public sealed class AuditChainAnchor
{
    public const string Table = "audit_chain_anchor";

    public int Id { get; init; }

    public long Sequence { get; set; }

    public string Hash { get; set; } = string.Empty;

    /// <summary>When retention last moved the anchor; null before the first purge.</summary>
    public DateTimeOffset? MoveTime { get; set; }
}
