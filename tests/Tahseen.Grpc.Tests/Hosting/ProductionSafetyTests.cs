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
    public async Task Production_with_keys_serves_without_the_sandbox()
    {
        using var factory = Production(
            [.. AllKeys, ("Database:MigrateOnStart", "true"), ("Sms:AllowSandboxSender", "1"), ("CivilRegistry:AllowEmbedded", "1")]);
        var sandbox = new SandboxService.SandboxServiceClient(factory.CreateChannel());

        var error = await sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest()).FailsWith(StatusCode.Unimplemented);

        error.Code.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Zero_turns_a_switch_off_as_false_does()
    {
        using var factory = new TahseenApiFactory { Configure = builder => builder.UseSetting("Sandbox:Enabled", "0") };
        var sandbox = new SandboxService.SandboxServiceClient(factory.CreateChannel());

        await sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest()).ResponseAsync.FailsWith(StatusCode.Unimplemented);
    }

    private static readonly (string Key, string Value)[] AllKeys =
    [
        ("Security:SigningKeys:0:Id", "t1"), ("Security:SigningKeys:0:Key", TestSigningKeys.Pem), ("Security:HashKey", Key),
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
