using System.Globalization;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Notifications;

/// <summary>
/// The one way an SMS writes a date and chooses its languages, so that every text reads alike. The day is
/// the Riyadh day of the instant. The Arabic text leads with the Umm al-Qura date, as people in Saudi
/// Arabia read official dates, in Arabic-Indic digits day first with هـ, and gives the Gregorian date
/// beside it in parentheses with م: <c>١٣-٠٦-١٤٤٨هـ (2026-11-23م)</c>. The English text leads with the
/// Gregorian date and gives the Hijri one in parentheses: <c>23 Nov 2026 (13 Jumada al-Akhirah 1448 AH)</c>.
/// </summary>
public static class SmsDate
{
    private static readonly string[] HijriMonthsEn =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    public static string Arabic(DateTimeOffset instant)
    {
        var gregorian = HijriDate.RiyadhDay(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "م";
        if (!HijriDate.TryGetParts(instant, out var year, out var month, out var day))
        {
            return gregorian;
        }

        var hijri = ArabicIndic(string.Create(CultureInfo.InvariantCulture, $"{day:D2}-{month:D2}-{year:D4}"));
        return $"{hijri}هـ ({gregorian})";
    }

    public static string English(DateTimeOffset instant)
    {
        var gregorian = HijriDate.RiyadhDay(instant).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return HijriDate.TryGetParts(instant, out var year, out var month, out var day)
            ? string.Create(CultureInfo.InvariantCulture, $"{gregorian} ({day} {HijriMonthsEn[month - 1]} {year} AH)")
            : gregorian;
    }

    /// <summary>
    /// Arabic for everyone; an English text after it for a resident, who may not read Arabic, and for
    /// anyone whose preferred language is English.
    /// </summary>
    public static bool WithEnglish(PersonKind? personKind, Language preferredLanguage) =>
        personKind == PersonKind.Resident || preferredLanguage == Language.English;

    private static string ArabicIndic(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= '0' and <= '9' ? (char)('\u0660' + (source[i] - '0')) : source[i];
            }
        });
}
