using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mapster;

namespace Tahseen.Grpc.Mapping;

/// <summary>Converters for the types every feature shares: instants, durations and identifiers.</summary>
public sealed class CommonMappings : IRegister
{
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
}
