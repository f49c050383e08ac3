using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// The human-readable ticket number, <c>TH-{year}-{sequence}</c> with the sequence padded to six
/// digits: <c>TH-2026-000123</c>. The sequence restarts each year and comes from a counter in the
/// store. Ordinal order of the text is ticket order while a year stays within 999,999 tickets;
/// beyond that the sequence widens (<c>TH-2026-1000000</c>) and only <see cref="CompareTo"/> keeps
/// the order.
/// </summary>
public sealed record ReferenceNumber : IComparable<ReferenceNumber>
{
    private const string Prefix = "TH-";
    private const int SequenceDigits = 6;

    private ReferenceNumber(int year, long sequence)
    {
        Year = year;
        Sequence = sequence;
        Value = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{sequence:D6}");
    }

    public int Year { get; }

    public long Sequence { get; }

    public string Value { get; }

    public static ReferenceNumber Create(int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new ReferenceNumber(year, sequence);
    }

    /// <summary>Accepts only the canonical form that <see cref="Create"/> produces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ReferenceNumber? result)
    {
        result = null;
        if (text is null
            || text.Length < Prefix.Length + 4 + 1 + SequenceDigits
            || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || text[Prefix.Length + 4] != '-'
            || !int.TryParse(text.AsSpan(Prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(text.AsSpan(Prefix.Length + 5), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year < 1000
            || sequence < 1)
        {
            return false;
        }

        var parsed = new ReferenceNumber(year, sequence);
        if (parsed.Value != text)
        {
            return false;
        }

        result = parsed;
        return true;
    }

    public int CompareTo(ReferenceNumber? other) =>
        other is null ? 1 : (Year, Sequence).CompareTo((other.Year, other.Sequence));

    public override string ToString() => Value;

    public static bool operator <(ReferenceNumber left, ReferenceNumber right) => Compare(left, right) < 0;

    public static bool operator <=(ReferenceNumber left, ReferenceNumber right) => Compare(left, right) <= 0;

    public static bool operator >(ReferenceNumber left, ReferenceNumber right) => Compare(left, right) > 0;

    public static bool operator >=(ReferenceNumber left, ReferenceNumber right) => Compare(left, right) >= 0;

    private static int Compare(ReferenceNumber? left, ReferenceNumber? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
