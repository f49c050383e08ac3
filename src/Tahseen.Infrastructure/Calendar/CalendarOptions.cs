namespace Tahseen.Infrastructure.Calendar;

/// <summary>The <c>Calendar</c> configuration section: keeping the working calendar in step across replicas.</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>How often each replica reloads the holidays (changes made on another replica) and moves what a large change left.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many tickets one holiday change moves within the admin's call; the rest move in the background.</summary>
    public int RecomputeInCallLimit { get; set; } = 10_000;
}
