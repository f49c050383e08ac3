using System.Globalization;
using System.Text;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// How alike two texts of tickets are, for spotting a submitter's possible duplicates at intake.
/// Arabic and English text is first normalised for matching: NFKC, case-folded, Arabic diacritics and
/// tatweel removed, alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, Arabic-Indic digits → ASCII, anything
/// but letters and digits a space. The score is the Dice coefficient of the two texts' character
/// trigrams, taken within words (each padded by a space), from 0 (nothing shared) to 1 (the same
/// normalised words): robust to the spellings that differ between writers, and low for texts that
/// share a few words but not the matter.
/// </summary>
public static class TicketSimilarity
{
    /// <summary>The score from which two texts count as possibly the same matter, unless configured otherwise.</summary>
    public const double DefaultThreshold = 0.7;

    /// <summary>The text as compared: see the class summary.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            var folded = Fold(c);
            if (folded == '\0')
            {
                continue;
            }

            if (char.IsLetterOrDigit(folded))
            {
                builder.Append(char.ToLowerInvariant(folded));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>From 0 to 1: the Dice coefficient of the normalised texts' in-word character trigrams.</summary>
    public static double Score(string first, string second)
    {
        var a = Trigrams(Normalize(first));
        var b = Trigrams(Normalize(second));
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>How alike two tickets are: the better of their subjects' and their descriptions' scores.</summary>
    public static double Score(string firstSubject, string firstDescription, string secondSubject, string secondDescription) =>
        Math.Max(Score(firstSubject, secondSubject), Score(firstDescription, secondDescription));

    private static HashSet<string> Trigrams(string normalized)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                trigrams.Add(padded.Substring(i, 3));
            }
        }

        return trigrams;
    }

    /// <summary>One character as matched; '\0' drops it (diacritics, tatweel).</summary>
    private static char Fold(char c) => c switch
    {
        '\u0640' => '\0', // tatweel
        >= '\u064B' and <= '\u065F' => '\0', // harakat, tanwin, shadda, sukun, hamza above and below
        '\u0670' => '\0', // superscript alef
        >= '\u06D6' and <= '\u06ED' => '\0', // Quranic annotation marks
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Eastern Arabic-Indic digits
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => '\0',
        _ => c,
    };
}
