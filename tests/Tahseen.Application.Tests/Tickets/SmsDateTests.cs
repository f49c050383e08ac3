using System.Globalization;
using Tahseen.Application.Common.Notifications;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Tests.Tickets;

public sealed class SmsDateTests
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    private static readonly UmAlQuraCalendar UmAlQura = new();

    [Fact]
    public void Arabic_gives_the_Umm_al_Qura_date_in_Arabic_digits_then_the_Gregorian_in_parentheses()
    {
        SmsDate.Arabic(new DateTimeOffset(2026, 11, 23, 14, 30, 0, Riyadh)).Should().Be("١٣-٠٦-١٤٤٨هـ (2026-11-23م)");
    }

    [Fact]
    public void English_gives_the_Gregorian_date_then_the_Hijri_in_parentheses()
    {
        SmsDate.English(new DateTimeOffset(2026, 11, 23, 14, 30, 0, Riyadh)).Should().Be("23 Nov 2026 (13 Jumada al-Akhirah 1448 AH)");
    }

    [Fact]
    public void The_day_is_the_Riyadh_day()
    {
        // 22:00 UTC on 22 November is 01:00 on 23 November in Riyadh.
        var lateUtc = new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero);

        SmsDate.Arabic(lateUtc).Should().Be("١٣-٠٦-١٤٤٨هـ (2026-11-23م)");
        SmsDate.English(lateUtc).Should().StartWith("23 Nov 2026");
    }

    [Fact]
    public void Every_day_of_three_years_matches_UmAlQuraCalendar()
    {
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            var instant = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 30)), Riyadh);
            var date = day.ToDateTime(TimeOnly.MinValue);
            var (year, month, dayOfMonth) = (UmAlQura.GetYear(date), UmAlQura.GetMonth(date), UmAlQura.GetDayOfMonth(date));

            SmsDate.Arabic(instant).Should().Be(
                $"{Arabic(dayOfMonth, 2)}-{Arabic(month, 2)}-{Arabic(year, 4)}هـ ({day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}م)");
            SmsDate.English(instant).Should().StartWith(day.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + " (")
                .And.EndWith(string.Create(CultureInfo.InvariantCulture, $" {year} AH)"))
                .And.Contain(string.Create(CultureInfo.InvariantCulture, $"({dayOfMonth} "));
        }
    }

    [Theory]
    [InlineData(PersonKind.Citizen, Language.Arabic, false)]
    [InlineData(PersonKind.Citizen, Language.English, true)]
    [InlineData(PersonKind.Resident, Language.Arabic, true)]
    [InlineData(null, Language.English, true)]
    public void English_follows_Arabic_for_residents_and_for_those_who_prefer_English(PersonKind? kind, Language language, bool withEnglish)
    {
        SmsDate.WithEnglish(kind, language).Should().Be(withEnglish);
    }

    private static string Arabic(int number, int digits) =>
        new([.. number.ToString(new string('0', digits), CultureInfo.InvariantCulture).Select(c => (char)('\u0660' + (c - '0')))]);
}
