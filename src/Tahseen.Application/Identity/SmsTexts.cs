using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>
/// The SMS bodies. Arabic for everyone; residents (who may not read Arabic) get the English text too.
/// A code message holds the 6 digits once per language and nothing else that looks like a code.
/// </summary>
public static class SmsTexts
{
    public static string OneTimeCode(OtpPurpose purpose, string code, bool withEnglish)
    {
        var (ar, en) = purpose switch
        {
            OtpPurpose.Registration => ("رمز التحقق لتسجيلك في خدمة تحسين", "Your Tahseen registration code"),
            OtpPurpose.Login => ("رمز الدخول إلى خدمة تحسين", "Your Tahseen login code"),
            _ => ("رمز استعادة كلمة المرور في خدمة تحسين", "Your Tahseen password reset code"),
        };
        var arabic = $"{ar}: {code}. صالح لمدة 5 دقائق، لا تشاركه مع أحد.";
        return withEnglish ? $"{arabic}\n{en}: {code}. Valid for 5 minutes; do not share it." : arabic;
    }

    public static bool WantsEnglish(string? nationalId) =>
        nationalId is not null && NationalId.TryParse(nationalId, out var id) && id.Kind == PersonKind.Resident;
}
