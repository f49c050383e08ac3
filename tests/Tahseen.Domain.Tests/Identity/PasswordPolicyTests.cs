using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class PasswordPolicyTests
{
    private const string Username = "noura94";
    private const string NationalId = "1234567897";

    private static readonly PasswordPolicy Policy = new(["password1", "qwerty123", "riyadh123"]);

    private static IEnumerable<string> ReasonsFor(string password, string? username = Username, string? nationalId = NationalId) =>
        Policy.Check(password, username, nationalId).Select(v => v.Reason.Code);

    [Theory]
    [InlineData("tahseen2030")]
    [InlineData("a1b2c3d4")]
    [InlineData("Absher4Life")]
    [InlineData("a1a1a1a1")]
    [InlineData("aaa1bbb2")]
    [InlineData("ZZZa999x")]
    public void Password_meeting_every_rule_is_accepted(string password) =>
        Policy.Check(password, Username, NationalId).Should().BeEmpty();

    [Fact]
    public void Password_of_7_characters_is_too_short() =>
        ReasonsFor("abcde12").Should().Equal("PASSWORD_TOO_SHORT");

    [Fact]
    public void Password_of_exactly_8_and_64_characters_is_long_enough_and_short_enough()
    {
        ReasonsFor("abcdef12").Should().BeEmpty();
        ReasonsFor(string.Concat(Enumerable.Repeat("ab1", 21)) + "c").Should().BeEmpty();
    }

    [Fact]
    public void Password_of_65_characters_is_too_long() =>
        ReasonsFor(string.Concat(Enumerable.Repeat("ab1", 21)) + "cd").Should().Equal("PASSWORD_TOO_LONG");

    [Fact]
    public void Password_without_a_lowercase_letter_is_refused() =>
        ReasonsFor("ABCDEF12").Should().Equal("PASSWORD_NEEDS_LOWERCASE");

    [Fact]
    public void Password_without_a_digit_is_refused() =>
        ReasonsFor("abcdefgh").Should().Equal("PASSWORD_NEEDS_DIGIT");

    [Theory]
    [InlineData("abcdef1!")]
    [InlineData("abc def1")]
    [InlineData("abc_def1")]
    [InlineData("abc-def1")]
    [InlineData("abcdef1\t")]
    [InlineData("abcdef1😀")]
    public void Password_with_a_symbol_punctuation_or_space_is_refused(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_HAS_SYMBOL");

    [Theory]
    [InlineData("abcdefg1م")]
    [InlineData("abcdefgé1")]
    [InlineData("abcdefg1١")]
    [InlineData("abcdefgh۱2")]
    public void Password_with_a_non_English_letter_or_digit_is_refused(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_NOT_ENGLISH");

    [Fact]
    public void Arabic_Indic_digit_does_not_count_as_the_required_digit() =>
        ReasonsFor("abcdefgh١").Should().Equal("PASSWORD_NEEDS_DIGIT", "PASSWORD_NOT_ENGLISH");

    [Fact]
    public void Password_of_Arabic_letters_only_is_refused_as_not_English_and_for_the_missing_lowercase_letter_and_digit() =>
        ReasonsFor("كلمةالمرور").Should().Equal("PASSWORD_NEEDS_LOWERCASE", "PASSWORD_NEEDS_DIGIT", "PASSWORD_NOT_ENGLISH");

    [Theory]
    [InlineData("aaaab123")]
    [InlineData("ab1111cd")]
    [InlineData("abc1zzzz")]
    public void Password_with_four_identical_characters_in_a_row_is_refused(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_REPEATED_CHARS");

    [Theory]
    [InlineData("xaAaA12y")]
    [InlineData("AaAa1bcd")]
    [InlineData("ab1BBbb2")]
    public void Password_with_four_identical_letters_in_any_case_is_refused(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_REPEATED_CHARS");

    [Theory]
    [InlineData("aaab1aaa")]
    [InlineData("a1a1a1a1")]
    public void Password_with_identical_characters_that_are_not_four_in_a_row_is_accepted(string password) =>
        ReasonsFor(password).Should().BeEmpty();

    [Theory]
    [InlineData("password1")]
    [InlineData("PassWord1")]
    [InlineData("riyadh123")]
    public void Password_in_the_common_list_is_refused_in_any_case(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_TOO_COMMON");

    [Theory]
    [InlineData("xnoura94x1")]
    [InlineData("NOURA94abc")]
    public void Password_containing_the_username_in_any_case_is_refused(string password) =>
        ReasonsFor(password).Should().Equal("PASSWORD_CONTAINS_IDENTITY");

    [Fact]
    public void Password_containing_the_national_id_is_refused() =>
        ReasonsFor("abc1234567897").Should().Equal("PASSWORD_CONTAINS_IDENTITY");

    [Fact]
    public void Username_shorter_than_3_characters_is_not_looked_for_in_the_password() =>
        ReasonsFor("salman1990", username: "al").Should().BeEmpty();

    [Fact]
    public void Password_is_checked_without_identity_when_none_is_known() =>
        ReasonsFor("abcdef12", username: null, nationalId: null).Should().BeEmpty();

    [Fact]
    public void Every_broken_rule_is_reported_in_policy_order()
    {
        var policy = new PasswordPolicy(["ÉÉÉÉ!"]);

        var violations = policy.Check("ÉÉÉÉ!", username: "éééé", nationalId: null);

        violations.Select(v => v.Reason.Code).Should().Equal(
            policy.Rules.Select(r => r.Code).Where(code => code != "PASSWORD_TOO_LONG"));
    }

    [Fact]
    public void Too_long_password_reports_its_other_broken_rules_after_the_length()
    {
        var password = new string('A', 60) + "1234!";

        ReasonsFor(password).Should().Equal("PASSWORD_TOO_LONG", "PASSWORD_NEEDS_LOWERCASE", "PASSWORD_HAS_SYMBOL", "PASSWORD_REPEATED_CHARS");
    }

    [Fact]
    public void Violations_name_the_field_and_carry_the_limits_for_the_message()
    {
        var violations = Policy.Check("AAAA", Username, NationalId, field: "new_password");

        violations.Should().OnlyContain(v => v.Field == "new_password");
        violations.Single(v => v.Reason == ErrorReason.PasswordTooShort).Arguments.Should().Equal(8);
        violations.Single(v => v.Reason == ErrorReason.PasswordRepeatedChars).Arguments.Should().Equal(4);
    }

    [Fact]
    public void Rules_are_listed_in_the_order_of_the_policy_with_their_contract_codes() =>
        Policy.Rules.Select(r => r.Code).Should().Equal(
            "PASSWORD_TOO_SHORT",
            "PASSWORD_TOO_LONG",
            "PASSWORD_NEEDS_LOWERCASE",
            "PASSWORD_NEEDS_DIGIT",
            "PASSWORD_HAS_SYMBOL",
            "PASSWORD_NOT_ENGLISH",
            "PASSWORD_REPEATED_CHARS",
            "PASSWORD_TOO_COMMON",
            "PASSWORD_CONTAINS_IDENTITY");

    [Fact]
    public void Every_rule_code_is_a_declared_error_reason() =>
        Policy.Rules.Select(r => r.Code).Should().BeSubsetOf(ErrorReason.All.Select(r => r.Code));

    [Fact]
    public void Every_rule_is_described_in_Arabic_and_English()
    {
        Policy.Rules.Should().OnlyContain(r => r.DescriptionAr.Any(c => c >= '\u0600' && c <= '\u06FF'));
        Policy.Rules.Should().OnlyContain(r => r.DescriptionEn.StartsWith("The password must", StringComparison.Ordinal));
    }

    [Fact]
    public void Enforce_throws_every_violation_with_the_first_as_the_reason()
    {
        var error = FluentActions.Invoking(() => Policy.Enforce("ABC!", Username, NationalId))
            .Should().Throw<TahseenException>().Which;

        error.Reason.Should().Be(ErrorReason.PasswordTooShort);
        error.Violations.Select(v => v.Reason).Should().Equal(
            ErrorReason.PasswordTooShort, ErrorReason.PasswordNeedsLowercase, ErrorReason.PasswordNeedsDigit, ErrorReason.PasswordHasSymbol);
    }

    [Fact]
    public void Enforce_accepts_a_good_password() =>
        FluentActions.Invoking(() => Policy.Enforce("tahseen2030", Username, NationalId)).Should().NotThrow();

    [Theory]
    [InlineData("password1")]
    [InlineData("qwerty123")]
    [InlineData("abc12345")]
    [InlineData("pass1234")]
    [InlineData("welcome1")]
    [InlineData("iloveyou1")]
    [InlineData("sunshine1")]
    [InlineData("football1")]
    [InlineData("riyadh123")]
    [InlineData("saudi1234")]
    [InlineData("ksa12345")]
    [InlineData("mohammed1")]
    [InlineData("Abdullah1")]
    public void Default_policy_refuses_well_known_passwords_that_pass_every_other_rule(string password) =>
        PasswordPolicy.Default.Check(password, null, null).Select(v => v.Reason).Should().Equal(ErrorReason.PasswordTooCommon);

    [Fact]
    public void Shipped_common_password_list_is_lower_case_unique_and_about_a_thousand_entries()
    {
        using var stream = typeof(PasswordPolicy).Assembly
            .GetManifestResourceStream("Tahseen.Domain.Identity.Resources.common-passwords.txt");
        stream.Should().NotBeNull();
        using var reader = new StreamReader(stream!);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCountGreaterThanOrEqualTo(1000);
        lines.Should().OnlyHaveUniqueItems();
        lines.Should().OnlyContain(line => line == line.Trim() && !line.Any(char.IsUpper));
    }
}
