using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class MobileNumberTests
{
    [Theory]
    [InlineData("0512345678")]
    [InlineData("512345678")]
    [InlineData("966512345678")]
    [InlineData("+966512345678")]
    [InlineData("00966512345678")]
    [InlineData("051 234 5678")]
    [InlineData("+966 51 234 5678")]
    [InlineData("051-234-5678")]
    [InlineData(" 0512345678 ")]
    [InlineData("٠٥١٢٣٤٥٦٧٨")]
    [InlineData("۰۵۱۲۳۴۵۶۷۸")]
    [InlineData("+٩٦٦ ٥١٢ ٣٤٥ ٦٧٨")]
    public void Every_accepted_format_is_stored_in_E164(string input) =>
        MobileNumber.Parse(input).Value.Should().Be("+966512345678");

    [Theory]
    [InlineData("0500000001")]
    [InlineData("0531234567")]
    [InlineData("0541234567")]
    [InlineData("0551234567")]
    [InlineData("0561234567")]
    [InlineData("0570123456")]
    [InlineData("0573123456")]
    [InlineData("0576123456")]
    [InlineData("0578123456")]
    [InlineData("0581234567")]
    [InlineData("0591234567")]
    public void Numbers_in_the_Saudi_mobile_ranges_are_accepted(string input) =>
        MobileNumber.TryParse(input, out _).Should().BeTrue();

    [Theory]
    [InlineData("0521234567")]
    [InlineData("0574123456")]
    [InlineData("0575123456")]
    [InlineData("0579123456")]
    [InlineData("+966521234567")]
    public void Numbers_outside_the_Saudi_mobile_ranges_are_refused(string input) =>
        MobileNumber.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("0112345678")]
    [InlineData("+966112345678")]
    [InlineData("0126543210")]
    public void Landline_numbers_are_refused(string input) =>
        MobileNumber.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("051234567")]
    [InlineData("05123456789")]
    [InlineData("+96651234567")]
    [InlineData("+9665123456789")]
    [InlineData("51234567")]
    public void Numbers_too_short_or_too_long_are_refused(string input) =>
        MobileNumber.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("+9660512345678")]
    [InlineData("+971512345678")]
    [InlineData("0512a45678")]
    [InlineData("(051) 2345678")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_shapes_are_refused(string? input) =>
        MobileNumber.TryParse(input, out _).Should().BeFalse();

    [Fact]
    public void Number_is_masked_to_the_mobile_prefix_and_last_three_digits() =>
        MobileNumber.Parse("0512345678").Masked.Should().Be("+9665*****678");

    [Fact]
    public void Same_number_typed_differently_gives_equal_numbers() =>
        MobileNumber.Parse("051 234 5678").Should().Be(MobileNumber.Parse("00966512345678"));

    [Fact]
    public void Invalid_number_is_reported_on_mobile_number_by_default()
    {
        var error = FluentActions.Invoking(() => MobileNumber.Parse("0112345678"))
            .Should().Throw<TahseenException>().Which;

        error.Reason.Should().Be(ErrorReason.MobileInvalid);
        error.Violations.Should().ContainSingle().Which.Field.Should().Be("mobile_number");
    }
}
