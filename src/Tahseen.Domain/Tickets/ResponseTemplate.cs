using System.Text;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// The text of a canned response: plain text with <c>{placeholder}</c> slots that the service fills in
/// for one ticket. Only the placeholders below exist; any other brace is refused when the template is
/// saved (PLACEHOLDER_UNKNOWN), so a template that was accepted always renders completely.
/// </summary>
public static class ResponseTemplate
{
    public const string ReferenceNumber = "reference_number";
    public const string CitizenName = "citizen_name";
    public const string DueDate = "due_date";
    public const string DueDateHijri = "due_date_hijri";
    public const string StaffName = "staff_name";

    public static IReadOnlyList<string> Placeholders { get; } = [ReferenceNumber, CitizenName, DueDate, DueDateHijri, StaffName];

    /// <summary>Refuses a template with an unknown placeholder or a stray brace, naming it and the field.</summary>
    public static void Validate(string template, string field)
    {
        if (FirstUnknown(template) is { } unknown)
        {
            throw TahseenException.ForField(field, ErrorReason.PlaceholderUnknown, unknown);
        }
    }

    /// <summary>The first token that is not a known placeholder (a stray brace is one), or null.</summary>
    public static string? FirstUnknown(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOfAny(['{', '}'], index);
            if (open < 0)
            {
                return null;
            }

            if (template[open] == '}')
            {
                return "}";
            }

            var close = template.IndexOfAny(['{', '}'], open + 1);
            if (close < 0 || template[close] == '{')
            {
                return "{";
            }

            var name = template[(open + 1)..close];
            if (!Placeholders.Contains(name, StringComparer.Ordinal))
            {
                return "{" + name + "}";
            }

            index = close + 1;
        }

        return null;
    }

    /// <summary>Fills every placeholder of a validated template.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(template.Length + 64);
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                text.Append(template, index, template.Length - index);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new InvalidOperationException("The template was not validated.");
            }

            text.Append(template, index, open - index);
            var name = template[(open + 1)..close];
            text.Append(values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No value for {{{name}}}."));
            index = close + 1;
        }

        return text.ToString();
    }
}
