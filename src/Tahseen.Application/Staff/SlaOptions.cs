using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// The <c>Sla</c> configuration section: when a ticket is at risk, how often the escalation job looks,
/// and how much a ticket's clock may be stopped.
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>The most <see cref="MaxPauses"/> accepts: a ledger is a handful of entries, not a log.</summary>
    public const int MaxPausesLimit = 100;

    /// <summary>The most <see cref="MaxPausedWorkingDays"/> accepts: about a working year.</summary>
    public const int MaxPausedWorkingDaysLimit = 250;

    /// <summary>The share of its working time (1 to 99 %) after which a ticket is AT_RISK.</summary>
    public int AtRiskPercent { get; set; } = SlaPolicy.DefaultAtRiskPercent;

    /// <summary>
    /// When the working day ends in Riyadh (08:00 to 23:59): every due time falls at this time, and a ticket
    /// that arrives later counts from the next working day.
    /// </summary>
    public TimeOnly WorkdayEnd { get; set; } = WorkingCalendar.DefaultWorkdayEnd;

    public static bool IsWorkdayEnd(TimeOnly value) => value >= new TimeOnly(8, 0) && value <= new TimeOnly(23, 59);
    /// <summary>How many times a ticket's clock may be stopped (0 to <see cref="MaxPausesLimit"/>; 0: never).</summary>
    public int MaxPauses { get; set; } = SlaPolicy.DefaultMaxPauses;

    /// <summary>How many working days a ticket's clock may stand still in all (0 to <see cref="MaxPausedWorkingDaysLimit"/>).</summary>
    public int MaxPausedWorkingDays { get; set; } = SlaPolicy.DefaultMaxPausedWorkingDays;

    /// <summary>How often the escalation job looks for tickets at risk or past due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    public SlaPolicy Policy() => new() { AtRiskPercent = AtRiskPercent, MaxPauses = MaxPauses, MaxPausedWorkingDays = MaxPausedWorkingDays };
}

/// <summary>A ticket's SLA state and paused time now, from the one calendar and the configured policy.</summary>
public sealed class SlaReader(SlaPolicy policy, WorkingCalendar calendar, TimeProvider clock)
{
    public SlaState StateOf(Tickets.TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return policy.StateOf(ticket.Status, ticket.CreateTime, ticket.DueTime, ticket.Escalated, ticket.PausedSince is not null, clock.GetUtcNow(), calendar);
    }

    /// <summary>
    /// The net working time the ticket's clock stood still: the ended pauses, and an open one counted to
    /// now (within what is left of the allowance); null for a ticket that never paused.
    /// </summary>
    public TimeSpan? PausedDurationOf(Tickets.TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.PauseCount == 0)
        {
            return null;
        }

        return ticket.PausedSince is { } since
            ? ticket.PausedWorkingTime + new PauseClock(calendar, policy).Counted(since, clock.GetUtcNow(), ticket.PausedWorkingTime)
            : ticket.PausedWorkingTime;
    }
}

/// <summary>The process's pause clock: the one calendar, whose holidays admins edit, and the configured policy.</summary>
public sealed class PauseClocks(SlaPolicy policy, WorkingCalendar calendar)
{
    public PauseClock Current => new(calendar, policy);
}
