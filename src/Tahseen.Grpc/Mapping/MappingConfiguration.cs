using Google.Protobuf.Collections;
using Mapster;

namespace Tahseen.Grpc.Mapping;

/// <summary>
/// The one Mapster configuration of the gRPC edge, built from an <see cref="IRegister"/> per feature.
/// Every pair is declared explicitly, and every destination member needs a source, so a renamed field
/// fails a test rather than silently mapping nothing.
/// </summary>
public static class MappingConfiguration
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig
        {
            RequireExplicitMapping = true,
            RequireDestinationMemberSource = true,
        };

        // Protobuf exposes repeated fields as get-only collections: fill the existing instance.
        config.Default.UseDestinationValue(member =>
            member.SetterModifier == AccessModifier.None
            && member.Type.IsGenericType
            && member.Type.GetGenericTypeDefinition() == typeof(RepeatedField<>));

        // Protobuf string setters refuse null; an absent value is the empty string on the wire.
        config.Default.AddDestinationTransform((string? value) => value ?? string.Empty);

        config.Scan(typeof(MappingConfiguration).Assembly);
        return config;
    }
}
