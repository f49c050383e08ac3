using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tahseen.Domain.Identity;

/// <summary>
/// The one place that decides how personal data looks to someone who may not see it whole (staff
/// views, one-time-code prompts, audit details). Each mask keeps just enough to tell two people
/// apart on a call or a screen, never enough to contact or identify them:
/// <list type="bullet">
/// <item>national ID or iqama: the first digit (citizen or resident) and the last two, <c>1*******08</c>;</item>
/// <item>mobile (E.164): the country code and the leading 5, and the last three digits, <c>+9665*****123</c>;</item>
/// <item>e-mail: the first character of the local part and the whole domain, <c>a***@example.com</c>;</item>
/// <item>full name: the first name whole and every other name cut to its initial, <c>محمد ع. ا.</c> or <c>Noura A. S.</c>.</item>
/// </list>
/// A value that does not have the expected shape is masked whole rather than guessed at.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Hidden = "***";

    // A Saudi mobile without its trunk 0 has nine digits, a national ID ten; dates and reference
    // numbers have fewer and stay readable.
    private const int MinimumIdentifyingDigits = 9;

    /// <summary><c>1234567808</c> → <c>1*******08</c>.</summary>
    public static string NationalId(string? value) => Keep(value, first: 1, last: 2, minimumLength: 6);

    /// <summary><c>+966512345123</c> → <c>+9665*****123</c>.</summary>
    public static string Mobile(string? value) => Keep(value, first: 5, last: 3, minimumLength: 10);

    /// <summary><c>ahmed@example.com</c> → <c>a***@example.com</c>.</summary>
    public static string Email(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return Hidden;
        }

        return FirstTextElement(value) + Hidden + value[at..];
    }

    /// <summary><c>Noura Abdullah Alsaleh</c> → <c>Noura A. A.</c>; a single name is kept.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var words = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var masked = new StringBuilder(words[0]);
        foreach (var word in words.Skip(1))
        {
            masked.Append(' ').Append(FirstTextElement(word)).Append('.');
        }

        return masked.ToString();
    }

    /// <summary>
    /// Free text that someone typed (a purpose, a reason) with anything that looks like a national ID,
    /// a phone number or an e-mail address masked, so that it can be kept in logs and audit lines.
    /// </summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutEmails = EmailLike().Replace(text, m => Email(m.Value));
        return NumberLike().Replace(withoutEmails, m => m.Value.Count(char.IsDigit) >= MinimumIdentifyingDigits
            ? Keep(m.Value, first: 1, last: 2, minimumLength: 6)
            : m.Value);
    }

    private static string Keep(string? value, int first, int last, int minimumLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length < minimumLength)
        {
            return Hidden;
        }

        return string.Concat(value.AsSpan(0, first), new string('*', value.Length - first - last), value.AsSpan(value.Length - last));
    }

    private static string FirstTextElement(string value) => StringInfo.GetNextTextElement(value, 0);

    // Any script's digits: staff may type Arabic-Indic digits as well as ASCII ones.
    [GeneratedRegex(@"\+?\d(?:[\d\s\-]{5,}\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailLike();
}
