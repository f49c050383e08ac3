namespace Tahseen.Domain.Tickets;

/// <summary>What a history entry records.</summary>
public enum TicketAction
{
    Submitted = 1,
    Assigned = 2,
    Replied = 3,
    InformationRequested = 4,
    CitizenReplied = 5,
    NoteAdded = 6,
    Resolved = 7,
    Reopened = 8,
    Rejected = 9,
    Withdrawn = 10,
    Rated = 11,
    Closed = 12,
    AutoClosed = 13,
    Merged = 14,
    MergeReceived = 15,
    FollowUpDue = 16,

    /// <summary>Handed from one assignee to another, or back to the queue.</summary>
    Reassigned = 17,

    /// <summary>The service noticed that most of the ticket's working time is used.</summary>
    SlaAtRisk = 18,

    /// <summary>The due time passed while the ticket was open: escalated to the category's supervisors.</summary>
    Escalated = 19,

    /// <summary>The due time moved with the working calendar (a holiday changed).</summary>
    DueTimeMoved = 27,
}
