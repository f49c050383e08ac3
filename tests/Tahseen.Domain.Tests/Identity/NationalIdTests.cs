using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class NationalIdTests
{
    [Theory]
    [InlineData("1000000008", PersonKind.Citizen)]
    [InlineData("1234567897", PersonKind.Citizen)]
    [InlineData("1010101010", PersonKind.Citizen)]
    [InlineData("2000000006", PersonKind.Resident)]
    [InlineData("2876543212", PersonKind.Resident)]
    public void Ten_digits_with_a_valid_check_digit_are_accepted_and_the_first_digit_gives_the_kind(string input, PersonKind kind)
    {
        var id = NationalId.Parse(input);

        id.Value.Should().Be(input);
        id.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("1000000009")]
    [InlineData("1234567890")]
    [InlineData("2000000007")]
    public void Number_with_a_wrong_check_digit_is_refused(string input) =>
        NationalId.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("100000008")]
    [InlineData("10000000008")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_but_ten_digits_is_refused(string? input) =>
        NationalId.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("3000000004")]
    [InlineData("0000000000")]
    [InlineData("9000000001")]
    public void Number_not_starting_with_1_or_2_is_refused_even_with_a_valid_check_digit(string input) =>
        NationalId.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("10000000a8")]
    [InlineData("1000-00008")]
    [InlineData("1000 000008")]
    [InlineData("+100000008")]
    public void Letters_and_separators_are_refused(string input) =>
        NationalId.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("١٠٠٠٠٠٠٠٠٨")]
    [InlineData("۱۰۰۰۰۰۰۰۰۸")]
    [InlineData("1٠٠٠۰۰۰0٠8")]
    [InlineData("  1000000008 ")]
    public void Arabic_Indic_digits_and_surrounding_spaces_are_read_as_the_same_number(string input) =>
        NationalId.Parse(input).Value.Should().Be("1000000008");

    [Fact]
    public void Number_is_masked_to_its_first_digit_and_last_two() =>
        NationalId.Parse("1234567897").Masked.Should().Be("1*******97");

    [Fact]
    public void Text_form_is_the_plain_number() =>
        NationalId.Parse("2000000006").ToString().Should().Be("2000000006");

    [Fact]
    public void Same_number_typed_differently_gives_equal_ids() =>
        NationalId.Parse("١٠٠٠٠٠٠٠٠٨").Should().Be(NationalId.Parse("1000000008"));

    [Fact]
    public void Invalid_number_is_reported_on_the_given_field()
    {
        var parse = () => NationalId.Parse("1000000009", "login");

        var error = parse.Should().Throw<TahseenException>().Which;
        error.Reason.Should().Be(ErrorReason.NationalIdInvalid);
        error.Violations.Should().ContainSingle()
            .Which.Should().Match<FieldViolation>(v => v.Field == "login" && v.Reason == ErrorReason.NationalIdInvalid);
    }

    [Fact]
    public void Invalid_number_is_reported_on_national_id_by_default() =>
        FluentActions.Invoking(() => NationalId.Parse("123"))
            .Should().Throw<TahseenException>()
            .Which.Violations.Should().ContainSingle().Which.Field.Should().Be("national_id");

    [Theory]
    [InlineData("100000000", 8)]
    [InlineData("123456789", 7)]
    [InlineData("101010101", 0)]
    [InlineData("287654321", 2)]
    public void Check_digit_is_computed_for_a_nine_digit_prefix(string prefix, int checkDigit) =>
        NationalId.ComputeCheckDigit(prefix).Should().Be(checkDigit);

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678x")]
    public void Check_digit_needs_exactly_nine_digits(string prefix) =>
        FluentActions.Invoking(() => NationalId.ComputeCheckDigit(prefix)).Should().Throw<ArgumentException>();

    [Fact]
    public void Every_prefix_completed_with_its_check_digit_is_valid_and_every_other_last_digit_is_not()
    {
        var random = new Random(1);
        for (var sample = 0; sample < 200; sample++)
        {
            var prefix = $"{random.Next(1, 3)}{random.Next(0, 100_000_000):D8}";
            var checkDigit = NationalId.ComputeCheckDigit(prefix);

            for (var last = 0; last <= 9; last++)
                NationalId.TryParse($"{prefix}{last}", out _).Should().Be(last == checkDigit, $"{prefix}{last}");
        }
    }
}
