using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

public sealed class ResponseTemplateTests
{
    [Theory]
    [InlineData("No placeholders at all.", null)]
    [InlineData("{reference_number}{citizen_name}{due_date}{due_date_hijri}{staff_name}", null)]
    [InlineData("رقم {reference_number} — {due_date_hijri} هـ", null)]
    [InlineData("{national_id}", "{national_id}")]
    [InlineData("{ reference_number }", "{ reference_number }")]
    [InlineData("{REFERENCE_NUMBER}", "{REFERENCE_NUMBER}")]
    [InlineData("Dear {citizen_name", "{")]
    [InlineData("Dear {citizen_{name}", "{")]
    [InlineData("Dear citizen_name}", "}")]
    [InlineData("{}", "{}")]
    [InlineData("{staff_name} and then {mobile}", "{mobile}")]
    public void Only_the_known_placeholders_are_accepted(string template, string? firstUnknown) =>
        ResponseTemplate.FirstUnknown(template).Should().Be(firstUnknown);

    [Fact]
    public void An_unknown_placeholder_is_refused_on_its_field()
    {
        var refusal = FluentActions.Invoking(() => ResponseTemplate.Validate("Hello {name}", "body_en"))
            .Should().Throw<TahseenException>().Which;
        refusal.Reason.Should().Be(ErrorReason.PlaceholderUnknown);
        refusal.Violations.Should().ContainSingle(v => v.Field == "body_en");
    }

    [Fact]
    public void Rendering_fills_every_placeholder_and_keeps_the_rest_of_the_text()
    {
        var values = ResponseTemplate.Placeholders.ToDictionary(p => p, p => $"<{p}>");
        ResponseTemplate.Render("Hi {citizen_name}, {reference_number} by {due_date} ({due_date_hijri}). {staff_name}", values)
            .Should().Be("Hi <citizen_name>, <reference_number> by <due_date> (<due_date_hijri>). <staff_name>");
        ResponseTemplate.Render("{reference_number}{reference_number}", values).Should().Be("<reference_number><reference_number>");
    }

    [Fact]
    public void A_canned_response_applies_to_its_category_and_type_or_to_all_when_left_open()
    {
        var category = Guid.NewGuid();
        var now = DateTimeOffset.UnixEpoch;
        var specific = new CannedResponse(Guid.NewGuid(), category, TicketType.Complaint, "أ", "A", "أ", "A", active: true, now);
        var general = new CannedResponse(Guid.NewGuid(), null, null, "أ", "A", "أ", "A", active: true, now);
        var retired = new CannedResponse(Guid.NewGuid(), null, null, "أ", "A", "أ", "A", active: false, now);

        specific.AppliesTo(category, TicketType.Complaint).Should().BeTrue();
        specific.AppliesTo(category, TicketType.Inquiry).Should().BeFalse();
        specific.AppliesTo(Guid.NewGuid(), TicketType.Complaint).Should().BeFalse();
        general.AppliesTo(Guid.NewGuid(), TicketType.Suggestion).Should().BeTrue();
        retired.AppliesTo(category, TicketType.Complaint).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-02-17T21:00:00Z", "1447-09-01", "2026-02-18")] // midnight in Riyadh: 1 Ramadan 1447
    [InlineData("2026-02-17T20:59:59Z", "1447-08-29", "2026-02-17")] // still the day before in Riyadh: Sha'ban 1447 has 29 days
    [InlineData("2026-03-20T06:00:00Z", "1447-10-01", "2026-03-20")] // 1 Shawwal 1447, Eid al-Fitr
    public void Dates_are_read_in_Riyadh_in_the_Umm_al_Qura_calendar_and_the_Gregorian_one(string instant, string hijri, string gregorian)
    {
        var time = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        HijriDate.Format(time).Should().Be(hijri);
        HijriDate.Gregorian(time).Should().Be(gregorian);
    }
}
