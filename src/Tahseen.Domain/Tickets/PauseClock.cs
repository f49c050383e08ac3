namespace Tahseen.Domain.Tickets;

/// <summary>
/// What a pause is measured with: the working calendar (a pause counts working time only, never the
/// weekend or a holiday) and the SLA policy (how many pauses, and how much paused time, a ticket may
/// have). Both are configuration, not ticket state, so the application passes them to the ticket's
/// behaviours that start or end a pause.
/// </summary>
public sealed record PauseClock(WorkingCalendar Calendar, SlaPolicy Policy)
{
    /// <summary>The working time a pause open since <paramref name="start"/> counts at <paramref name="now"/>, given what was used before it.</summary>
    public TimeSpan Counted(DateTimeOffset start, DateTimeOffset now, TimeSpan usedBefore)
    {
        var left = Policy.MaxPausedWorkingTime - usedBefore;
        if (left <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var length = Calendar.WorkingTimeBetween(start, now);
        return length < left ? length : left;
    }
}
