using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>A Saudi mobile number, kept in E.164 form (<c>+9665XXXXXXXX</c>).</summary>
public sealed partial record MobileNumber
{
    public const string DefaultField = "mobile_number";
    private const string CountryPrefix = "+966";

    // "00966" before "0", which it also starts with.
    private static readonly string[] InternationalOrTrunkPrefixes = ["+966", "00966", "966", "0"];

    private MobileNumber(string value) => Value = value;

    /// <summary>E.164, e.g. <c>+966512345678</c>.</summary>
    public string Value { get; }

    /// <summary>Safe to show or log: <c>+9665*****678</c>.</summary>
    public string Masked => PersonalDataMask.Mobile(Value);

    /// <summary>
    /// Accepts <c>05XXXXXXXX</c>, <c>5XXXXXXXX</c>, <c>9665XXXXXXXX</c>, <c>+9665XXXXXXXX</c> and
    /// <c>009665XXXXXXXX</c>, with spaces, dashes and Arabic-Indic digits.
    /// </summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out MobileNumber? mobile)
    {
        mobile = null;
        if (input is null)
            return false;

        var compact = Digits.ToAscii(string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c != '-')));
        var nationalNumber = StripPrefix(compact);
        if (!SaudiMobileNationalNumber().IsMatch(nationalNumber))
            return false;

        mobile = new MobileNumber(CountryPrefix + nationalNumber);
        return true;
    }

    public static MobileNumber Parse(string? input, string field = DefaultField) =>
        TryParse(input, out var mobile) ? mobile : throw TahseenException.ForField(field, ErrorReason.MobileInvalid);

    public override string ToString() => Value;

    private static string StripPrefix(string compact)
    {
        foreach (var prefix in InternationalOrTrunkPrefixes)
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal))
                return compact[prefix.Length..];
        }

        return compact;
    }

    // libphonenumber's metadata for SA mobile numbers; [0-9] rather than \d, which would also match
    // digits of other scripts.
    [GeneratedRegex("^5(?:[013-689][0-9]|7[0-36-8])[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaudiMobileNationalNumber();
}
