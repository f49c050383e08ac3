using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mapster;
using Tahseen.Domain.Common;

namespace Tahseen.Grpc.Mapping;

/// <summary>Converters for the types every feature shares: instants, durations and identifiers.</summary>
public sealed class CommonMappings : IRegister
{
    private static readonly long MinTimestampSeconds = Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue).Seconds;
    private static readonly long MaxTimestampSeconds = Timestamp.FromDateTimeOffset(DateTimeOffset.MaxValue).Seconds;

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DateTimeOffset, Timestamp>().MapWith(value => Timestamp.FromDateTimeOffset(value));
        config.NewConfig<DateTimeOffset?, Timestamp?>().MapWith(value => value.HasValue ? Timestamp.FromDateTimeOffset(value.Value) : null);
        config.NewConfig<TimeSpan, Duration>().MapWith(value => Duration.FromTimeSpan(value));
        config.NewConfig<TimeSpan?, Duration?>().MapWith(value => value.HasValue ? Duration.FromTimeSpan(value.Value) : null);
        config.NewConfig<Guid, string>().MapWith(value => value.ToString());
        config.NewConfig<Guid?, string>().MapWith(value => value.HasValue ? value.Value.ToString() : string.Empty);
        config.NewConfig<byte[], ByteString>().MapWith(value => ByteString.CopyFrom(value));
    }

    /// <summary>
    /// A client's timestamp as an instant; one outside 0001-01-01..9999-12-31 (or with invalid nanos),
    /// which protobuf can carry but no calendar can, is INVALID_ARGUMENT TIMESTAMP_OUT_OF_RANGE on its field.
    /// </summary>
    public static DateTimeOffset? ToInstant(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Seconds < MinTimestampSeconds || value.Seconds > MaxTimestampSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            throw TahseenException.ForField(field, ErrorReason.TimestampOutOfRange);
        }

        return value.ToDateTimeOffset();
    }
}
