using System.Data.Common;
using System.Globalization;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Reads audit lines as they are stored, with plain SQL rather than through the entity, so that a
/// value edited into something unreadable is reported as such instead of failing the whole read.
/// Shared by the chain check and the log listing.
/// </summary>
internal static class StoredAuditLines
{
    public const string Table = "audit_events";

    public const string Columns =
        "\"Sequence\", \"Time\", \"ActorAccountId\", \"Action\", \"SubjectType\", \"SubjectId\", \"Detail\", \"PreviousHash\", \"Hash\"";

    /// <summary>Every field of the current row, or false when any of them cannot be read.</summary>
    public static bool TryRead(DbDataReader reader, out StoredAuditLine line)
    {
        var loose = ReadLoose(reader);
        line = loose;
        return !loose.Unreadable;
    }

    /// <summary>Whatever can be read of the current row; a field that cannot is left empty and marks the line unreadable.</summary>
    public static StoredAuditLine ReadLoose(DbDataReader reader)
    {
        var unreadable = false;
        T Field<T>(int ordinal, Func<object, T> read, T fallback)
        {
            try
            {
                return read(reader.GetValue(ordinal));
            }
            catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                unreadable = true;
                return fallback;
            }
        }

        var line = new StoredAuditLine(
            Field(0, value => Convert.ToInt64(value, CultureInfo.InvariantCulture), 0L),
            Field<DateTimeOffset?>(1, ReadTime, null),
            Field(2, ReadActor, (string?)null),
            Field(3, Text, string.Empty),
            Field(4, Text, string.Empty),
            Field(5, Text, string.Empty),
            Field(6, value => value is DBNull ? null : Text(value), (string?)null),
            Field(7, Text, string.Empty),
            Field(8, Text, string.Empty),
            Unreadable: false);
        return line with { Unreadable = unreadable };
    }

    /// <summary>SQLite keeps the id as text, PostgreSQL as a uuid.</summary>
    private static string? ReadActor(object value) => value switch
    {
        DBNull => null,
        Guid id => id.ToString("D"),
        _ => Guid.Parse(Text(value)).ToString("D"),
    };

    private static DateTimeOffset? ReadTime(object value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        string text => new DateTimeOffset(DateTime.SpecifyKind(
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc)),
        _ => throw new FormatException("Unreadable time."),
    };

    private static string Text(object value) => value as string ?? throw new InvalidCastException("Not text.");
}

/// <summary>One stored audit line; <see cref="Unreadable"/> when some stored value could not be read.</summary>
internal readonly record struct StoredAuditLine(
    long Sequence, DateTimeOffset? Time, string? Actor, string Action, string SubjectType, string SubjectId, string? Detail, string PreviousHash, string Hash,
    bool Unreadable);
