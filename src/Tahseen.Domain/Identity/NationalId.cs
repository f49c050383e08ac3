using System.Diagnostics.CodeAnalysis;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>
/// A Saudi national ID (citizen, starts with 1) or iqama number (resident, starts with 2):
/// ten digits whose last one is a Luhn-style check digit.
/// </summary>
public sealed record NationalId
{
    public const string DefaultField = "national_id";
    private const int Length = 10;

    private NationalId(string value)
    {
        Value = value;
        Kind = value[0] == '1' ? PersonKind.Citizen : PersonKind.Resident;
    }

    /// <summary>The ten ASCII digits.</summary>
    public string Value { get; }

    public PersonKind Kind { get; }

    /// <summary>Safe to show or log: the first digit and the last two, e.g. <c>1*******08</c>.</summary>
    public string Masked => PersonalDataMask.NationalId(Value);

    public static bool TryParse(string? input, [NotNullWhen(true)] out NationalId? id)
    {
        id = null;
        if (input is null)
            return false;

        var digits = Digits.ToAscii(input.Trim());
        if (digits.Length != Length || !Digits.AreAscii(digits) || digits[0] is not ('1' or '2'))
            return false;
        if (WeightedSum(digits) % 10 != 0)
            return false;

        id = new NationalId(digits);
        return true;
    }

    public static NationalId Parse(string? input, string field = DefaultField) =>
        TryParse(input, out var id) ? id : throw TahseenException.ForField(field, ErrorReason.NationalIdInvalid);

    /// <summary>The last digit that makes <paramref name="firstNineDigits"/> a valid number.</summary>
    public static int ComputeCheckDigit(string firstNineDigits)
    {
        ArgumentNullException.ThrowIfNull(firstNineDigits);
        if (firstNineDigits.Length != Length - 1 || !Digits.AreAscii(firstNineDigits))
            throw new ArgumentException("Expected exactly 9 ASCII digits.", nameof(firstNineDigits));

        return (10 - (WeightedSum(firstNineDigits) % 10)) % 10;
    }

    public override string ToString() => Value;

    // Digits at even positions are doubled and the two digits of the product added (7 → 14 → 5).
    private static int WeightedSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            if (i % 2 == 0)
            {
                var doubled = digit * 2;
                sum += (doubled / 10) + (doubled % 10);
            }
            else
            {
                sum += digit;
            }
        }

        return sum;
    }
}
