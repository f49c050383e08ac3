using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>Stores an instant as a UTC DateTime and reads it back with a zero offset.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

/// <summary>Writes an instant with offset zero (what timestamptz accepts) and reads it back unchanged.</summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
