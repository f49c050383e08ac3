using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>The <c>Sla</c> configuration section: when a ticket is at risk, and how often the escalation job looks.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>The share of its working time (1 to 99 %) after which a ticket is AT_RISK.</summary>
    public int AtRiskPercent { get; set; } = SlaPolicy.DefaultAtRiskPercent;

    /// <summary>
    /// When the working day ends in Riyadh (08:00 to 23:59): every due time falls at this time, and a ticket
    /// that arrives later counts from the next working day.
    /// </summary>
    public TimeOnly WorkdayEnd { get; set; } = WorkingCalendar.DefaultWorkdayEnd;

    public static bool IsWorkdayEnd(TimeOnly value) => value >= new TimeOnly(8, 0) && value <= new TimeOnly(23, 59);

    /// <summary>How often the escalation job looks for tickets at risk or past due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    public SlaPolicy Policy() => new() { AtRiskPercent = AtRiskPercent };
}

/// <summary>A ticket's SLA state now, from the one calendar and the configured policy.</summary>
public sealed class SlaReader(SlaPolicy policy, WorkingCalendar calendar, TimeProvider clock)
{
    public SlaState StateOf(Tickets.TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return policy.StateOf(ticket.Status, ticket.CreateTime, ticket.DueTime, ticket.Escalated, clock.GetUtcNow(), calendar);
    }
}
