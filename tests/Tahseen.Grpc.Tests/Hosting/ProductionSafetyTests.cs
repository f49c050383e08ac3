using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hosting;

public sealed class ProductionSafetyTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray());

    [Fact]
    public void Production_refuses_to_start_with_the_sandbox_on()
    {
        using var factory = Production([("Sandbox:Enabled", "true"), .. AllKeys]);

        FluentActions.Invoking(() => factory.Server).Should().Throw<InvalidOperationException>().WithMessage("*Sandbox*");
    }

    [Fact]
    public void Production_refuses_to_start_without_a_signing_key()
    {
        using var factory = Production(("Security:HashKey", Key));

        FluentActions.Invoking(() => factory.Server).Should().Throw<InvalidOperationException>().WithMessage("*Security:SigningKey*");
    }

    [Fact]
    public void Production_refuses_to_start_without_personal_data_keys()
    {
        using var factory = Production(("Security:SigningKey", Key), ("Security:HashKey", Key));

        FluentActions.Invoking(() => factory.Server).Should().Throw<InvalidOperationException>().WithMessage("Security:DataKeys must list*");
    }

    [Fact]
    public void Production_refuses_a_data_key_of_the_wrong_size()
    {
        using var factory = Production([.. AllKeys, ("Security:DataKeys:0:Key", Convert.ToBase64String(new byte[16]))]);

        FluentActions.Invoking(() => factory.Server).Should().Throw<InvalidOperationException>().WithMessage("Security:DataKeys:0:Key must be*32 bytes.");
    }

    [Fact]
    public void Production_refuses_generated_keys()
    {
        using var factory = Production(("Security:GenerateMissingKeys", "true"));

        FluentActions.Invoking(() => factory.Server).Should().Throw<InvalidOperationException>().WithMessage("*GenerateMissingKeys*");
    }

    [Fact]
    public async Task Production_with_keys_serves_without_the_sandbox()
    {
        using var factory = Production(AllKeys);
        var sandbox = new SandboxService.SandboxServiceClient(factory.CreateChannel());

        var error = await sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest()).FailsWith(StatusCode.Unimplemented);

        error.Code.Should().Be(StatusCode.Unimplemented);
    }

    private static readonly (string Key, string Value)[] AllKeys =
    [
        ("Security:SigningKey", Key), ("Security:HashKey", Key),
        ("Security:DataKeys:0:Id", "k1"), ("Security:DataKeys:0:Key", Key),
        ("Security:LookupKeys:0:Id", "h1"), ("Security:LookupKeys:0:Key", Key),
    ];

    private static TahseenApiFactory Production(params (string Key, string Value)[] settings) =>
        new()
        {
            Configure = builder =>
            {
                builder.UseEnvironment("Production");
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            },
        };
}
