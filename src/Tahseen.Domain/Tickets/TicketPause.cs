namespace Tahseen.Domain.Tickets;

/// <summary>
/// One entry of a ticket's stop-the-clock ledger: while it is open the ticket's due time does not run
/// down; when it ends, the working time it lasted (what was left of the ticket's allowance at most) is
/// added to the due time.
/// </summary>
public sealed class TicketPause
{
    internal TicketPause(long sequence, PauseReason reason, string? party, Guid pausedByAccountId, DateTimeOffset startTime)
    {
        Sequence = sequence;
        Reason = reason;
        Party = party;
        PausedByAccountId = pausedByAccountId;
        StartTime = startTime;
    }

    private TicketPause()
    {
    }

    /// <summary>The ticket's <see cref="Ticket.Version"/> when the pause began; with the ticket it names the entry.</summary>
    public long Sequence { get; private set; }

    public PauseReason Reason { get; private set; }

    /// <summary>Whom the service waits for, in the words of staff (an agency's name); null for the submitter.</summary>
    public string? Party { get; private set; }

    /// <summary>The staff member who stopped the clock.</summary>
    public Guid PausedByAccountId { get; private set; }

    public DateTimeOffset StartTime { get; private set; }

    /// <summary>When the clock started again; null while the pause is open.</summary>
    public DateTimeOffset? EndTime { get; private set; }

    /// <summary>
    /// The working time the pause counted once ended: its length on working days, cut to what was left
    /// of <see cref="SlaPolicy.MaxPausedWorkingTime"/> when it began to count. Null while open.
    /// </summary>
    public TimeSpan? WorkingDuration { get; private set; }

    public bool IsOpen => EndTime is null;

    internal void End(DateTimeOffset endTime, TimeSpan workingDuration)
    {
        EndTime = endTime;
        WorkingDuration = workingDuration;
    }
}
