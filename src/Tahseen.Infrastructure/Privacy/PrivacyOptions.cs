namespace Tahseen.Infrastructure.Privacy;

/// <summary>Configuration section "Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// How often the re-encryption and re-hash pass runs after the one at start-up; zero runs it only
    /// when called (tests, a maintenance step).
    /// </summary>
    public TimeSpan RekeyInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Throws with one clear message when a value is out of range.</summary>
    public void Validate()
    {
        if (RekeyInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Privacy:RekeyInterval must not be negative.");
        }
    }
}
