using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>The <c>Tickets</c> configuration section; every setting defaults to the domain's own default.</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    private static readonly DueTimePolicy DefaultPolicy = new();

    public int ComplaintWorkingDays { get; set; } = DefaultPolicy.ComplaintWorkingDays;

    public int InquiryWorkingDays { get; set; } = DefaultPolicy.InquiryWorkingDays;

    public int SuggestionWorkingDays { get; set; } = DefaultPolicy.SuggestionWorkingDays;

    /// <summary>Public holidays as announced; unset means <see cref="WorkingCalendar.SaudiHolidays2026To2027"/>.</summary>
    public IList<DateOnly>? Holidays { get; set; }

    /// <summary>How often the job looks for resolved tickets to close.</summary>
    public TimeSpan AutoCloseInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the job looks for suggestions under study whose follow-up date has come.</summary>
    public TimeSpan FollowUpInterval { get; set; } = TimeSpan.FromMinutes(15);

    public DueTimePolicy DueTimePolicy() => new()
    {
        ComplaintWorkingDays = ComplaintWorkingDays,
        InquiryWorkingDays = InquiryWorkingDays,
        SuggestionWorkingDays = SuggestionWorkingDays,
    };

    public WorkingCalendar Calendar() =>
        new(Holidays ?? [.. WorkingCalendar.SaudiHolidays2026To2027], WorkingCalendar.SaudiUtcOffset);
}
