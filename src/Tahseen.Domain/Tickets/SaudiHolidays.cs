using System.Globalization;

namespace Tahseen.Domain.Tickets;

/// <summary>One holiday as the rules give it, before anyone confirms it.</summary>
public sealed record HolidayEstimate(DateOnly StartDate, DateOnly EndDate, string NameAr, string NameEn);

/// <summary>
/// The official public holidays of the Saudi civil service, estimated from the Umm al-Qura calendar:
/// Founding Day (22 February), National Day (23 September), and the two Eid breaks of four working days
/// each — Eid al-Fitr from the day after 29 Ramadan, Eid al-Adha from the Day of Arafah (9 Dhu al-Hijjah);
/// the Friday and Saturday inside a break do not count towards its four days. The moon sighting may move
/// an Eid by a day, which is why admins confirm or correct them.
/// </summary>
public static class SaudiHolidays
{
    private const int EidWorkingDays = 4;

    private static readonly UmAlQuraCalendar Calendar = new();

    /// <summary>
    /// The Eid breaks of the Hijri years <paramref name="firstYear"/> to <paramref name="lastYear"/>, and the
    /// fixed days of every Gregorian year those years touch, by start date: together they are every holiday
    /// of each Gregorian year up to the end of the last one.
    /// </summary>
    public static IReadOnlyList<HolidayEstimate> Estimate(int firstYear, int lastYear)
    {
        var first = Day(firstYear, 1, 1);
        var last = Day(lastYear + 1, 1, 1).AddDays(-1);
        var holidays = new List<HolidayEstimate>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            holidays.Add(EidBreak(Day(year, 9, 29).AddDays(1), $"عيد الفطر {year}هـ", $"Eid al-Fitr {year} AH"));
            holidays.Add(EidBreak(Day(year, 12, 9), $"عيد الأضحى {year}هـ", $"Eid al-Adha {year} AH"));
        }

        for (var year = first.Year; year <= last.Year; year++)
        {
            holidays.Add(Single(new DateOnly(year, 2, 22), "يوم التأسيس", "Founding Day"));
            holidays.Add(Single(new DateOnly(year, 9, 23), "اليوم الوطني", "National Day"));
        }

        return holidays.OrderBy(h => h.StartDate).ToList();
    }

    private static HolidayEstimate Single(DateOnly day, string nameAr, string nameEn) => new(day, day, nameAr, nameEn);

    private static HolidayEstimate EidBreak(DateOnly start, string nameAr, string nameEn)
    {
        var end = start;
        var counted = 0;
        for (var day = start; ; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && ++counted == EidWorkingDays)
            {
                end = day;
                break;
            }
        }

        return new HolidayEstimate(start, end, nameAr, nameEn);
    }

    private static DateOnly Day(int year, int month, int day) => DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
}
