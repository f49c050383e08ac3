namespace Tahseen.Domain.Tickets;

/// <summary>A supervisor's decision on an appeal.</summary>
public enum AppealDecision
{
    /// <summary>The complaint goes back to the desk (IN_PROGRESS) with a new due time.</summary>
    Uphold = 1,

    /// <summary>The decision stands: the complaint is closed (APPEAL_DISMISSED).</summary>
    Dismiss = 2,
}

/// <summary>A complaint's appeal as the submitter and staff see it; <see cref="Decision"/> is null until decided.</summary>
public sealed record TicketAppeal(
    string Reason, DateTimeOffset LodgeTime, DateTimeOffset DueTime, AppealDecision? Decision, DateTimeOffset? DecideTime);
