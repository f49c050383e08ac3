using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class EmailAddressTests
{
    [Theory]
    [InlineData("noura@example.sa", "noura@example.sa")]
    [InlineData("Noura.Otaibi+tahseen@Mail.Example.COM.SA", "Noura.Otaibi+tahseen@mail.example.com.sa")]
    [InlineData("  k_saad@my-domain.com ", "k_saad@my-domain.com")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    public void Well_formed_address_is_trimmed_and_its_domain_lower_cased(string input, string stored) =>
        EmailAddress.Parse(input).Value.Should().Be(stored);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("noura")]
    [InlineData("@example.sa")]
    [InlineData("noura@")]
    [InlineData("noura@@example.sa")]
    [InlineData("noura@ex@ample.sa")]
    [InlineData("noura@localhost")]
    [InlineData("no ura@example.sa")]
    [InlineData("noura@exa mple.sa")]
    [InlineData(".noura@example.sa")]
    [InlineData("noura.@example.sa")]
    [InlineData("no..ura@example.sa")]
    [InlineData("noura@-example.sa")]
    [InlineData("noura@example-.sa")]
    [InlineData("noura@example..sa")]
    [InlineData("noura@example.sa.")]
    [InlineData("noura@exam_ple.sa")]
    [InlineData("نورة@example.sa")]
    public void Malformed_address_is_refused(string? input) =>
        EmailAddress.TryParse(input, out _).Should().BeFalse();

    [Fact]
    public void Local_part_longer_than_64_characters_is_refused()
    {
        EmailAddress.TryParse($"{new string('a', 64)}@example.sa", out _).Should().BeTrue();
        EmailAddress.TryParse($"{new string('a', 65)}@example.sa", out _).Should().BeFalse();
    }

    [Fact]
    public void Address_longer_than_254_characters_is_refused()
    {
        var longest = $"{new string('a', 64)}@{new string('d', 63)}.{new string('d', 63)}.{new string('d', 61)}";

        longest.Length.Should().Be(254);
        EmailAddress.TryParse(longest, out _).Should().BeTrue();
        EmailAddress.TryParse(longest + "d", out _).Should().BeFalse();
    }

    [Fact]
    public void Invalid_address_is_reported_on_email_by_default()
    {
        var error = FluentActions.Invoking(() => EmailAddress.Parse("noura"))
            .Should().Throw<TahseenException>().Which;

        error.Reason.Should().Be(ErrorReason.EmailInvalid);
        error.Violations.Should().ContainSingle().Which.Field.Should().Be("email");
    }
}
