using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>Stores an instant as a UTC DateTime and reads it back with a zero offset.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
