namespace Tahseen.Application.Staff;

/// <summary>The reveal budget, in configuration section "Privacy".</summary>
public sealed class SubmitterRevealOptions
{
    public const string SectionName = "Privacy";

    public const int MaxRevealsPerDay = 1000;

    /// <summary>Submitters one staff member may reveal in one Riyadh calendar day.</summary>
    public int RevealsPerDay { get; set; } = 50;
}
