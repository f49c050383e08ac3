namespace Tahseen.Infrastructure.Privacy;

/// <summary>Configuration section "Retention": how long closed tickets keep their personal content.</summary>
public sealed class TicketContentRetentionOptions
{
    public const string SectionName = "Retention";
    public const int MinYears = 1;
    public const int MaxYears = 50;

    /// <summary>Years after a ticket is closed until its subject, description and thread are redacted.</summary>
    public int ClosedTicketContentYears { get; set; } = 5;

    /// <summary>How often the erasure and retention jobs run; each run is also callable on its own.</summary>
    public TimeSpan PrivacyJobsInterval { get; set; } = TimeSpan.FromHours(1);
}
