namespace Tahseen.Domain.Identity;

/// <summary>Digits as people type them on Arabic keyboards.</summary>
public static class Digits
{
    /// <summary>
    /// People type identity and mobile numbers with the digits of their keyboard layout, so
    /// Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits are read as their ASCII equivalents.
    /// </summary>
    public static string ToAscii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (chars[i] - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (chars[i] - '\u06F0')),
                var unchanged => unchanged,
            };
        }

        return new string(chars);
    }

    public static bool AreAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}
