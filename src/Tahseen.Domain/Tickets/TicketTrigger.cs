namespace Tahseen.Domain.Tickets;

/// <summary>Something that may move a ticket: one per behaviour of <see cref="Ticket"/>.</summary>
public enum TicketTrigger
{
    Assign = 1,
    Reply = 2,
    RequestInformation = 3,
    CitizenReply = 4,
    AddInternalNote = 5,
    Resolve = 6,
    Reject = 7,
    Withdraw = 8,
    Rate = 9,
    Close = 10,
    AutoClose = 11,

    /// <summary>A suggestion under study reaches its follow-up date and goes back to the desk.</summary>
    FollowUpDue = 12,

    /// <summary>Staff merge this ticket into another of the same submitter's, which closes it.</summary>
    Merge = 13,

    /// <summary>Another ticket of the same submitter's is merged into this one, which takes its thread.</summary>
    ReceiveMerge = 14,

    /// <summary>The submitter appeals a rejected or not (fully) upheld complaint.</summary>
    Appeal = 15,

    /// <summary>A supervisor upholds the appeal: the complaint is worked again.</summary>
    UpholdAppeal = 16,

    /// <summary>A supervisor dismisses the appeal: the complaint is closed.</summary>
    DismissAppeal = 17,

    /// <summary>Staff stop the clock to wait for another agency, documents or a field visit; the ticket is worked.</summary>
    AwaitExternalParty = 18,
}
