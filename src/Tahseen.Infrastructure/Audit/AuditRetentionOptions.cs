namespace Tahseen.Infrastructure.Audit;

/// <summary>Configuration section "Retention": how long the security and audit trails are kept.</summary>
public sealed class AuditRetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>The NCA's Essential Cybersecurity Controls want security logs kept at least 12 months.</summary>
    public const int MinimumMonths = 12;

    public const int MaximumMonths = 1200;

    /// <summary>Months an audit line is kept; the oldest lines beyond it are purged, the chain re-anchored.</summary>
    public int AuditMonths { get; set; } = 24;

    /// <summary>Months a security event is kept.</summary>
    public int SecurityEventMonths { get; set; } = 24;

    /// <summary>How often the purge runs; zero runs it only when called (tests, a maintenance step).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromDays(1);
}
