using Tahseen.Application.Staff;

namespace Tahseen.Application.Tests.Tickets;

public sealed class SubmitterNotificationsTests
{
    private const string ReferenceNumber = "TH-2026-000123";

    /// <summary>14:30 Riyadh on Monday 23 November 2026, 13 Jumada al-Akhirah 1448 (UmAlQuraCalendar).</summary>
    private static readonly DateTimeOffset DueTime = new(2026, 11, 23, 11, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TicketNotice.Replied)]
    [InlineData(TicketNotice.InformationRequested)]
    [InlineData(TicketNotice.Resolved)]
    [InlineData(TicketNotice.Rejected)]
    public void A_citizen_is_told_in_Arabic_with_the_reference_number(TicketNotice notice)
    {
        var text = SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: false);

        text.Should().Contain(ReferenceNumber).And.MatchRegex(@"\p{IsArabic}").And.NotContain("\n");
    }

    [Theory]
    [InlineData(TicketNotice.Replied)]
    [InlineData(TicketNotice.InformationRequested)]
    [InlineData(TicketNotice.Resolved)]
    [InlineData(TicketNotice.Rejected)]
    public void A_resident_gets_the_Arabic_text_then_the_English_one(TicketNotice notice)
    {
        var lines = SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: true).Split('\n');

        lines.Should().HaveCount(2);
        lines[0].Should().Be(SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: false));
        lines[1].Should().MatchRegex("^[ -~]+$", "the English line is plain ASCII").And.Contain(ReferenceNumber);
    }

    [Theory]
    [InlineData(TicketNotice.AppealLodged)]
    [InlineData(TicketNotice.AppealUpheld)]
    [InlineData(TicketNotice.DueTimeMoved)]
    public void A_notice_that_starts_or_moves_a_clock_gives_the_due_date_in_Hijri_and_Gregorian(TicketNotice notice)
    {
        var lines = SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: true).Split('\n');

        lines[0].Should().Contain("١٣-٠٦-١٤٤٨هـ (2026-11-23م)");
        lines[1].Should().Contain("23 Nov 2026 (13 Jumada al-Akhirah 1448 AH)");
    }

    [Theory]
    [InlineData(TicketNotice.Replied)]
    [InlineData(TicketNotice.Resolved)]
    public void A_notice_about_a_message_gives_no_date(TicketNotice notice)
    {
        SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: true).Should().NotContain("2026-11-23").And.NotContain("1448");
    }

    [Fact]
    public void Each_notice_says_something_different()
    {
        Enum.GetValues<TicketNotice>()
            .Select(notice => SubmitterNotifications.Text(notice, ReferenceNumber, DueTime, withEnglish: true))
            .Should().OnlyHaveUniqueItems();
    }
}
