namespace Tahseen.Domain.Tickets;

/// <summary>Where a ticket stands against its due time.</summary>
public enum SlaState
{
    OnTrack = 1,

    /// <summary>At least <see cref="SlaPolicy.AtRiskPercent"/> of its working time is used.</summary>
    AtRisk = 2,

    /// <summary>Past its due time while the service still owes an answer.</summary>
    Breached = 3,

    /// <summary>The clock is stopped: a pause of the ticket's ledger is open (see <see cref="Ticket.PausedSince"/>).</summary>
    Paused = 4,
}

/// <summary>
/// The SLA rule, read from the one <see cref="WorkingCalendar"/>: a ticket's working time runs from its
/// creation to its due time with days off left out; AT_RISK once <see cref="AtRiskPercent"/> of it is
/// used, BREACHED past the due time while the clock runs, PAUSED while a pause of its ledger is open
/// (the due time then moves later by the paused working time, so the clock is stopped). A ticket whose
/// clock no longer runs (resolved, closed) reads BREACHED if it was escalated, else ON_TRACK. A ticket
/// may pause at most <see cref="MaxPauses"/> times and for <see cref="MaxPausedWorkingDays"/> in all.
/// </summary>
public sealed record SlaPolicy
{
    public const int DefaultAtRiskPercent = 80;

    public const int DefaultMaxPauses = 3;

    public const int DefaultMaxPausedWorkingDays = 10;

    public int AtRiskPercent { get; init; } = DefaultAtRiskPercent;

    /// <summary>How many times a ticket's clock may be stopped.</summary>
    public int MaxPauses { get; init; } = DefaultMaxPauses;

    /// <summary>How many working days a ticket's clock may stand still in all.</summary>
    public int MaxPausedWorkingDays { get; init; } = DefaultMaxPausedWorkingDays;

    /// <summary>
    /// <see cref="MaxPausedWorkingDays"/> as working time: whole days, as <see cref="WorkingCalendar.WorkingTimeBetween"/>
    /// counts a working day.
    /// </summary>
    public TimeSpan MaxPausedWorkingTime => TimeSpan.FromDays(MaxPausedWorkingDays);

    /// <param name="paused">Whether a pause of the ticket's ledger is open.</param>
    public SlaState StateOf(TicketStatus status, DateTimeOffset createTime, DateTimeOffset dueTime, bool escalated, bool paused, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (paused)
        {
            return SlaState.Paused;
        }

        if (!Ticket.StatusesOnTheClock.Contains(status))
        {
            return escalated ? SlaState.Breached : SlaState.OnTrack;
        }

        if (dueTime < now)
        {
            return SlaState.Breached;
        }

        return IsAtRisk(createTime, dueTime, now, calendar) ? SlaState.AtRisk : SlaState.OnTrack;
    }

    /// <summary>Whether at least <see cref="AtRiskPercent"/> of the working time from creation to due is used by <paramref name="now"/>.</summary>
    public bool IsAtRisk(DateTimeOffset createTime, DateTimeOffset dueTime, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var total = calendar.WorkingTimeBetween(createTime, dueTime);
        if (total <= TimeSpan.Zero)
        {
            return now >= dueTime;
        }

        var used = calendar.WorkingTimeBetween(createTime, now < dueTime ? now : dueTime);
        return used.Ticks * 100 >= total.Ticks * AtRiskPercent;
    }
}
