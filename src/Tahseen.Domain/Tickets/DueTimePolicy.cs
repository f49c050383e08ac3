namespace Tahseen.Domain.Tickets;

/// <summary>
/// How many working days the service has to answer each type of ticket, and when a working day ends.
/// Bindable from configuration.
/// </summary>
public sealed record DueTimePolicy
{
    public int ComplaintWorkingDays { get; init; } = 5;

    public int InquiryWorkingDays { get; init; } = 3;

    public int SuggestionWorkingDays { get; init; } = 10;

    /// <summary>The local time (Riyadh) at which every due time falls, <c>Sla:WorkdayEnd</c>.</summary>
    public TimeOnly WorkdayEnd { get; init; } = WorkingCalendar.DefaultWorkdayEnd;

    public int WorkingDaysFor(TicketType type) => type switch
    {
        TicketType.Complaint => ComplaintWorkingDays,
        TicketType.Inquiry => InquiryWorkingDays,
        TicketType.Suggestion => SuggestionWorkingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown ticket type."),
    };

    public DateTimeOffset DueTime(TicketType type, DateTimeOffset submittedAt, WorkingCalendar calendar) =>
        DueAfter(submittedAt, WorkingDaysFor(type), calendar);

    /// <summary>
    /// The end of the working day <paramref name="workingDays"/> working days after the Riyadh day of
    /// <paramref name="from"/> (the next working day's if <paramref name="from"/> is after the end of the
    /// working day or on a day off). Every due time, first or later (an appeal, a reopening), is counted so.
    /// </summary>
    public DateTimeOffset DueAfter(DateTimeOffset from, int workingDays, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(from, workingDays, WorkdayEnd);
    }

    /// <summary>How many working days lie between day 0 of <paramref name="from"/> and the day of <paramref name="due"/>.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset due, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.CountWorkingDays(from, due, WorkdayEnd);
    }
}
