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

    /// <summary>The submitter appealed the decision on a complaint to a supervisor.</summary>
    AppealLodged = 20,

    /// <summary>A supervisor upheld the appeal: the complaint is worked again.</summary>
    AppealUpheld = 21,

    /// <summary>A supervisor dismissed the appeal: the complaint is closed.</summary>
    AppealDismissed = 22,

    /// <summary>Filed by a requester under review: held until a supervisor releases it to the queue.</summary>
    HeldForReview = 23,

    /// <summary>A supervisor released a held ticket to the queue.</summary>
    ReleasedFromReview = 24,

    /// <summary>The due-time clock stopped: a pause of the ledger began (waiting for the submitter or another party).</summary>
    Paused = 25,

    /// <summary>The due-time clock started again: the due time moved later by the pause's working time.</summary>
    Resumed = 26,

    /// <summary>The due time moved with the working calendar (a holiday changed).</summary>
    DueTimeMoved = 27,
}
