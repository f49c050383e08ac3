using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Validation;

/// <summary>
/// The field rules every use case shares, each reporting a contract reason. Validators name
/// command properties after the proto fields (PascalCase); violations carry the proto name
/// (snake_case) so a client can point at its input.
/// </summary>
public static class ValidationRules
{
    private static readonly Dictionary<string, ErrorReason> ReasonsByCode =
        ErrorReason.All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>A text with at least one visible character, at most <paramref name="maxLength"/> characters, no control or bidi characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule
            .Must(TextInput.HasVisibleCharacters).WithReason(ErrorReason.FieldRequired)
            .OptionalText(maxLength);

    /// <summary>A text that may be empty, at most <paramref name="maxLength"/> characters once cleaned, no control or bidi characters.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule
            .Must(value => TextInput.Clean(value).Length <= maxLength).WithReason(ErrorReason.FieldTooLong, maxLength)
            .Must(value => !TextInput.HasControlCharacters(value)).WithReason(ErrorReason.FieldHasControlCharacters)
            .Must(value => !TextInput.HasBidiControls(value)).WithReason(ErrorReason.TextHasBidiControls);

    /// <summary>A value that must be present (not empty), reported as FIELD_REQUIRED.</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithReason(ErrorReason.FieldRequired);

    /// <summary>A Guid-shaped identifier sent as text.</summary>
    public static IRuleBuilderOptions<T, string?> Identifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithReason(ErrorReason.FieldRequired)
            .Must(value => string.IsNullOrWhiteSpace(value) || Guid.TryParse(value, out _)).WithReason(ErrorReason.FieldInvalid);

    public static IRuleBuilderOptions<T, string?> NationalIdNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => NationalId.TryParse(value, out _)).WithReason(ErrorReason.NationalIdInvalid);

    public static IRuleBuilderOptions<T, string?> SaudiMobile<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => MobileNumber.TryParse(value, out _)).WithReason(ErrorReason.MobileInvalid);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => EmailAddress.TryParse(value, out _)).WithReason(ErrorReason.EmailInvalid);

    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => Username.TryParse(value, out _)).WithReason(ErrorReason.UsernameInvalid);

    /// <summary>A secret typed by a person (password, code): present and of a sane size, never trimmed or logged.</summary>
    public static IRuleBuilderOptions<T, string?> Secret<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule
            .Must(value => !string.IsNullOrEmpty(value)).WithReason(ErrorReason.FieldRequired)
            .Must(value => value is null || value.Length <= maxLength).WithReason(ErrorReason.FieldTooLong, maxLength);

    /// <summary>A six-digit one-time code, in ASCII, Arabic-Indic or Eastern Arabic-Indic digits.</summary>
    public static IRuleBuilderOptions<T, string?> OneTimeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithReason(ErrorReason.FieldRequired)
            .Must(value => string.IsNullOrWhiteSpace(value) || Digits.ToAscii(value.Trim()) is { Length: 6 } code && code.All(char.IsAsciiDigit))
            .WithReason(ErrorReason.OtpInvalid);

    /// <summary>A Guid-shaped identifier that may be left empty, as in an optional filter.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalIdentifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || Guid.TryParse(value, out _)).WithReason(ErrorReason.FieldInvalid);

    /// <summary>A calendar date as the contract writes it, <c>YYYY-MM-DD</c>, that may be left empty.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalCalendarDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || ParseOptionalCalendarDate(value) is not null).WithReason(ErrorReason.FieldInvalid);

    /// <summary>A <c>YYYY-MM-DD</c> date; null when empty or not such a date.</summary>
    public static DateOnly? ParseOptionalCalendarDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>An identifier that <see cref="OptionalIdentifier"/> accepted: null when it was left empty.</summary>
    public static Guid? ParseOptionalIdentifier(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Guid.Parse(value);

    public static IRuleBuilderOptions<T, TProperty> WithReason<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, ErrorReason reason, params object[] arguments) =>
        rule.WithErrorCode(reason.Code).WithState(_ => arguments);

    internal static FieldViolation ToViolation(ValidationFailure failure)
    {
        var reason = failure.ErrorCode is { } code && ReasonsByCode.TryGetValue(code, out var known)
            ? known
            : ErrorReason.FieldInvalid;
        var arguments = failure.CustomState as object[] ?? [];
        return new FieldViolation(ToProtoFieldName(failure.PropertyName), reason, arguments);
    }

    /// <summary>"NationalId" → "national_id"; "Items[0].Body" → "items[0].body".</summary>
    public static string ToProtoFieldName(string propertyPath)
    {
        var builder = new StringBuilder(propertyPath.Length + 8);
        for (var i = 0; i < propertyPath.Length; i++)
        {
            var c = propertyPath[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && char.IsLetterOrDigit(propertyPath[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
