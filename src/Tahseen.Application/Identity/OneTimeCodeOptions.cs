namespace Tahseen.Application.Identity;

/// <summary>Configuration section "OneTimeCodes".</summary>
public sealed class OneTimeCodeOptions
{
    public const string SectionName = "OneTimeCodes";

    /// <summary>
    /// Codes one budget may be sent in an hour: a mobile for registration and reset, an account for
    /// sign-in, each counted apart so that strangers' traffic to a mobile never blocks its owner's sign-in.
    /// </summary>
    public int MaxPerHour { get; set; } = 5;
}
