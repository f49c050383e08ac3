using System.Text;

namespace Tahseen.Application.Common.Validation;

/// <summary>
/// Free text typed by people (subjects, descriptions, names): trimmed and in Unicode NFC so that the
/// same words are stored and compared the same way. Secrets (passwords, codes) never pass through here.
/// </summary>
public static class TextInput
{
    public static string Clean(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Control characters other than line breaks and tabs have no place in a ticket or a name.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
