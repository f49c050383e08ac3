namespace Tahseen.Domain.Tickets;

/// <summary>Where a ticket stands against its due time.</summary>
public enum SlaState
{
    OnTrack = 1,

    /// <summary>At least <see cref="SlaPolicy.AtRiskPercent"/> of its working time is used.</summary>
    AtRisk = 2,

    /// <summary>Past its due time while the service still owes an answer.</summary>
    Breached = 3,

    /// <summary>The clock is stopped: the ticket waits for the submitter (see <see cref="Ticket.WaitingSince"/>).</summary>
    Paused = 4,
}

/// <summary>
/// The SLA rule, read from the one <see cref="WorkingCalendar"/>: a ticket's working time runs from its
/// creation to its due time with days off left out; AT_RISK once <see cref="AtRiskPercent"/> of it is
/// used, BREACHED past the due time while the service owes an answer, PAUSED while waiting for the
/// submitter (the due time then moves later by the wait, so the clock is stopped). A ticket the
/// service no longer owes an answer (resolved, closed) reads BREACHED if it was escalated, else ON_TRACK.
/// </summary>
public sealed record SlaPolicy
{
    public const int DefaultAtRiskPercent = 80;

    public int AtRiskPercent { get; init; } = DefaultAtRiskPercent;

    public SlaState StateOf(TicketStatus status, DateTimeOffset createTime, DateTimeOffset dueTime, bool escalated, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (status == TicketStatus.WaitingForCitizen)
        {
            return SlaState.Paused;
        }

        if (!Ticket.StatusesOwingAnswer.Contains(status))
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
