namespace Tahseen.Domain.Tickets;

/// <summary>How many working days the service has to answer each type of ticket. Bindable from configuration.</summary>
public sealed record DueTimePolicy
{
    public int ComplaintWorkingDays { get; init; } = 5;

    public int InquiryWorkingDays { get; init; } = 3;

    public int SuggestionWorkingDays { get; init; } = 10;

    public int WorkingDaysFor(TicketType type) => type switch
    {
        TicketType.Complaint => ComplaintWorkingDays,
        TicketType.Inquiry => InquiryWorkingDays,
        TicketType.Suggestion => SuggestionWorkingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown ticket type."),
    };

    public DateTimeOffset DueTime(TicketType type, DateTimeOffset submittedAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(submittedAt, WorkingDaysFor(type));
    }
}
