using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class UsernameTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("Mohammed.Qahtani")]
    [InlineData("noura_1994")]
    [InlineData("k-saad")]
    [InlineData("a234567890123456789012345678901b")]
    public void Ascii_letters_digits_dots_underscores_and_dashes_from_3_to_32_characters_are_accepted(string input) =>
        Username.Parse(input).Value.Should().Be(input);

    [Theory]
    [InlineData("ab")]
    [InlineData("a2345678901234567890123456789012c")]
    [InlineData("")]
    [InlineData(null)]
    public void Usernames_shorter_than_3_or_longer_than_32_are_refused(string? input) =>
        Username.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData(".abc")]
    [InlineData("_abc")]
    [InlineData("-abc")]
    [InlineData("7ala")]
    [InlineData("1000000008")]
    public void Username_must_start_with_a_letter_so_it_never_looks_like_a_national_id(string input) =>
        Username.TryParse(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("mohammed qahtani")]
    [InlineData("user@example")]
    [InlineData("محمد123")]
    [InlineData("josé")]
    [InlineData("user١٢٣")]
    public void Spaces_symbols_and_non_English_characters_are_refused(string input) =>
        Username.TryParse(input, out _).Should().BeFalse();

    [Fact]
    public void Surrounding_spaces_are_trimmed() =>
        Username.Parse("  noura_1994 ").Value.Should().Be("noura_1994");

    [Fact]
    public void Normalized_form_is_lower_case_so_uniqueness_ignores_case() =>
        Username.Parse("Mohammed.Qahtani").Normalized.Should().Be(Username.Parse("MOHAMMED.qahtani").Normalized)
            .And.Be("mohammed.qahtani");

    [Fact]
    public void Invalid_username_is_reported_on_username_by_default()
    {
        var error = FluentActions.Invoking(() => Username.Parse("x"))
            .Should().Throw<TahseenException>().Which;

        error.Reason.Should().Be(ErrorReason.UsernameInvalid);
        error.Violations.Should().ContainSingle().Which.Field.Should().Be("username");
    }
}
