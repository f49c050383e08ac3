using Tahseen.Application.Common.Errors;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Tests.Errors;

public sealed class ErrorMessagesTests
{
    public static TheoryData<string> Reasons() => new(ErrorReason.All.Select(r => r.Code));

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Every_reason_has_an_Arabic_and_an_English_message(string code)
    {
        ErrorMessages.Has(code).Should().BeTrue();
        var arabic = ErrorMessages.Get(code, "ar", [64, 1]);
        arabic.Should().NotBe(ErrorMessages.Get(code, "en", [64, 1]));
        arabic.Should().MatchRegex(@"\p{IsArabic}");
    }

    [Fact]
    public void The_contract_reasons_are_all_declared()
    {
        string[] contract =
        [
            "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_NEEDS_LOWERCASE", "PASSWORD_NEEDS_DIGIT",
            "PASSWORD_HAS_SYMBOL", "PASSWORD_NOT_ENGLISH", "PASSWORD_REPEATED_CHARS", "PASSWORD_TOO_COMMON",
            "PASSWORD_CONTAINS_IDENTITY", "NATIONAL_ID_INVALID", "MOBILE_INVALID", "USERNAME_INVALID",
            "TERMS_NOT_ACCEPTED", "VALIDATION_FAILED", "MOBILE_NOT_OWNED", "NOT_ELIGIBLE", "CAPTCHA_INVALID",
            "OTP_INVALID", "OTP_EXPIRED", "TERMS_VERSION_MISMATCH", "INVALID_TICKET_TRANSITION", "ACCOUNT_EXISTS",
            "USERNAME_TAKEN", "REQUEST_ID_REUSED", "INVALID_CREDENTIALS", "TOKEN_INVALID", "TOKEN_EXPIRED",
            "ACCOUNT_LOCKED", "ACCOUNT_DISABLED", "FORBIDDEN", "TICKET_NOT_FOUND", "CATEGORY_NOT_FOUND",
            "REGISTRATION_NOT_FOUND", "OTP_ATTEMPTS_EXCEEDED", "OTP_RESEND_TOO_SOON", "RATE_LIMITED",
        ];

        ErrorReason.All.Select(r => r.Code).Should().Contain(contract);
        ErrorReason.All.Select(r => r.Code).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(null, "ar")]
    [InlineData("", "ar")]
    [InlineData("en", "en")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR, en;q=0.5", "en")]
    [InlineData("ar-SA", "ar")]
    [InlineData("de", "ar")]
    [InlineData("ar;q=0.4, en;q=0.8", "en")]
    public void Language_is_picked_from_accept_language_with_Arabic_by_default(string? header, string expected) =>
        ErrorMessages.PickLanguage(header).Should().Be(expected);
}
