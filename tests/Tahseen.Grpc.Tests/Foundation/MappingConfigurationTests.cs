using Tahseen.Grpc.Mapping;

namespace Tahseen.Grpc.Tests.Foundation;

public sealed class MappingConfigurationTests
{
    [Fact]
    public void Every_declared_mapping_compiles_with_explicit_members()
    {
        var config = MappingConfiguration.Create();

        config.RequireExplicitMapping.Should().BeTrue();
        config.RequireDestinationMemberSource.Should().BeTrue();
        FluentActions.Invoking(() => config.Compile()).Should().NotThrow();
    }
}
