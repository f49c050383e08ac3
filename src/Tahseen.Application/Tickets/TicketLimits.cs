namespace Tahseen.Application.Tickets;

/// <summary>How long each kind of ticket text may be, in characters after trimming and NFC normalisation.</summary>
public static class TicketLimits
{
    public const int Subject = 200;

    /// <summary>A description, a message in the thread, an answer or an internal note.</summary>
    public const int Body = 5000;

    /// <summary>A rejection or withdrawal reason, a rating comment.</summary>
    public const int Reason = 1000;

    /// <summary>Whom a paused ticket waits for (AwaitExternalParty's party): an agency's or a unit's name.</summary>
    public const int Party = 200;
}
