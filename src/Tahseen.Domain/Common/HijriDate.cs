using System.Globalization;

namespace Tahseen.Domain.Common;

/// <summary>
/// Dates as a person in Saudi Arabia reads them: the Umm al-Qura calendar, day boundaries in Riyadh
/// (UTC+3 all year). Written <c>YYYY-MM-DD</c> like the Gregorian dates of the contract.
/// </summary>
public static class HijriDate
{
    public static readonly TimeSpan RiyadhOffset = TimeSpan.FromHours(3);

    private static readonly UmAlQuraCalendar Calendar = new();

    /// <summary>The Riyadh day of an instant, in the Gregorian calendar.</summary>
    public static DateOnly RiyadhDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(RiyadhOffset).DateTime);

    /// <summary>The Gregorian <c>YYYY-MM-DD</c> of an instant's Riyadh day.</summary>
    public static string Gregorian(DateTimeOffset instant) => RiyadhDay(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Umm al-Qura <c>YYYY-MM-DD</c> of an instant's Riyadh day; empty outside the calendar's
    /// range (1900-04-30 to 2077-11-16), which no ticket reaches.
    /// </summary>
    public static string Format(DateTimeOffset instant) =>
        TryGetParts(instant, out var year, out var month, out var day)
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : string.Empty;

    /// <summary>The Umm al-Qura year, month and day of an instant's Riyadh day; false outside the calendar's range.</summary>
    public static bool TryGetParts(DateTimeOffset instant, out int year, out int month, out int day)
    {
        var date = RiyadhDay(instant).ToDateTime(TimeOnly.MinValue);
        if (date < Calendar.MinSupportedDateTime || date > Calendar.MaxSupportedDateTime)
        {
            (year, month, day) = (0, 0, 0);
            return false;
        }

        (year, month, day) = (Calendar.GetYear(date), Calendar.GetMonth(date), Calendar.GetDayOfMonth(date));
        return true;
    }
}
