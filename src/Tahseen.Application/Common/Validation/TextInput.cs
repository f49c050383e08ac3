using System.Text;

namespace Tahseen.Application.Common.Validation;

/// <summary>
/// Free text typed by people (subjects, descriptions, names): trimmed and in Unicode NFC so that the
/// same words are stored and compared the same way. Secrets (passwords, codes) never pass through here.
/// </summary>
public static class TextInput
{
    /// <summary>
    /// Trimmed and in NFC. Text the validators refuse (noncharacters, lone surrogates) cannot be
    /// normalised and is returned trimmed only, so that measuring it never throws.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        return HasUnfitCodePoints(trimmed) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): they let a
    /// text display in an order other than the one it is stored in (a "Trojan source" subject).
    /// </summary>
    public static bool HasBidiControls(string? value) =>
        value is not null && value.Any(c => c is >= '‪' and <= '‮' or >= '⁦' and <= '⁩');

    /// <summary>
    /// Whether anything would show: text made only of spaces, control and format characters
    /// (zero-width space and joiners, BOM, soft hyphen) reads as empty.
    /// </summary>
    public static bool HasVisibleCharacters(string? value) =>
        value is not null && value.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c)
            && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
            && c is not ('ᅟ' or 'ᅠ' or 'ㅤ' or 'ﾠ'));

    /// <summary>
    /// Control characters other than line breaks and tabs have no place in a ticket or a name; nor have
    /// Unicode noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) or surrogates without their pair, which
    /// are not text at all (and which Unicode normalisation refuses).
    /// </summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || HasUnfitCodePoints(value));

    private static bool HasUnfitCodePoints(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' || char.IsLowSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }
}
