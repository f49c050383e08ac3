using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Tahseen.Grpc.Tests.Calendar;

/// <summary>
/// What an SMS should say for a date, worked out here from UmAlQuraCalendar rather than taken from the
/// service's helper: the Arabic text's <c>DD-MM-YYYYهـ (YYYY-MM-DDم)</c> in Arabic-Indic digits, and the
/// English text's Gregorian day with the Hijri year in parentheses.
/// </summary>
internal static class SmsDates
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    public static string Arabic(Timestamp time)
    {
        var day = RiyadhDay(time);
        var hijri = string.Create(
            CultureInfo.InvariantCulture, $"{UmAlQura.GetDayOfMonth(day):D2}-{UmAlQura.GetMonth(day):D2}-{UmAlQura.GetYear(day):D4}");
        var digits = new string([.. hijri.Select(c => char.IsAsciiDigit(c) ? (char)('٠' + (c - '0')) : c)]);
        return $"{digits}هـ ({day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}م)";
    }

    /// <summary>The English text's date up to the Hijri month name, which this class does not spell.</summary>
    public static string EnglishStart(Timestamp time)
    {
        var day = RiyadhDay(time);
        return string.Create(CultureInfo.InvariantCulture, $"{day:d MMM yyyy} ({UmAlQura.GetDayOfMonth(day)} ");
    }

    public static string EnglishYear(Timestamp time) =>
        string.Create(CultureInfo.InvariantCulture, $" {UmAlQura.GetYear(RiyadhDay(time))} AH)");

    private static DateTime RiyadhDay(Timestamp time) => time.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(3)).Date;
}
