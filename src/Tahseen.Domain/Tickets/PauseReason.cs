namespace Tahseen.Domain.Tickets;

/// <summary>Why a ticket's clock is stopped: whom the service waits for.</summary>
public enum PauseReason
{
    /// <summary>Staff asked the submitter a question (RequestInformation).</summary>
    WaitingForCitizen = 1,

    /// <summary>Another government agency has to answer first.</summary>
    AwaitingOtherAgency = 2,

    /// <summary>Documents are awaited from someone other than the submitter.</summary>
    AwaitingDocuments = 3,

    /// <summary>A visit on site has to take place first.</summary>
    AwaitingFieldVisit = 4,
}
