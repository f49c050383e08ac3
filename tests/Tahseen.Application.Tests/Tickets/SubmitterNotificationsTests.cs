using Tahseen.Application.Staff;

namespace Tahseen.Application.Tests.Tickets;

public sealed class SubmitterNotificationsTests
{
    private const string ReferenceNumber = "TH-2026-000123";

    [Theory]
    [InlineData(TicketNotice.Replied)]
    [InlineData(TicketNotice.InformationRequested)]
    [InlineData(TicketNotice.Resolved)]
    [InlineData(TicketNotice.Rejected)]
    public void A_citizen_is_told_in_Arabic_with_the_reference_number(TicketNotice notice)
    {
        var text = SubmitterNotifications.Text(notice, ReferenceNumber, withEnglish: false);

        text.Should().Contain(ReferenceNumber).And.MatchRegex(@"\p{IsArabic}").And.NotContain("\n");
    }

    [Theory]
    [InlineData(TicketNotice.Replied)]
    [InlineData(TicketNotice.InformationRequested)]
    [InlineData(TicketNotice.Resolved)]
    [InlineData(TicketNotice.Rejected)]
    public void A_resident_gets_the_Arabic_text_then_the_English_one(TicketNotice notice)
    {
        var lines = SubmitterNotifications.Text(notice, ReferenceNumber, withEnglish: true).Split('\n');

        lines.Should().HaveCount(2);
        lines[0].Should().Be(SubmitterNotifications.Text(notice, ReferenceNumber, withEnglish: false));
        lines[1].Should().MatchRegex("^[ -~]+$", "the English line is plain ASCII").And.Contain(ReferenceNumber);
    }

    [Fact]
    public void Each_notice_says_something_different()
    {
        Enum.GetValues<TicketNotice>()
            .Select(notice => SubmitterNotifications.Text(notice, ReferenceNumber, withEnglish: true))
            .Should().OnlyHaveUniqueItems();
    }
}
