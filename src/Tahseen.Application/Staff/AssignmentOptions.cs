namespace Tahseen.Application.Staff;

/// <summary>The <c>Assignment</c> configuration section: how new tickets find a staff member.</summary>
public sealed class AssignmentOptions
{
    public const string SectionName = "Assignment";

    /// <summary>A new ticket goes to the least-loaded active staff member of its category.</summary>
    public const string LeastLoaded = "LeastLoaded";

    /// <summary>New tickets wait in the queue until someone takes them.</summary>
    public const string None = "None";

    /// <summary><see cref="LeastLoaded"/> (the default) or <see cref="None"/>.</summary>
    public string Mode { get; set; } = LeastLoaded;

    public bool AutoAssigns => Mode == LeastLoaded;

    public static bool IsKnownMode(string? mode) => mode is LeastLoaded or None;
}
