using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Tahseen.Infrastructure.Configuration;

namespace Tahseen.Infrastructure.Tests.Gateways;

/// <summary>The gateways registered exactly as the product registers them, from settings.</summary>
public static class GatewayServices
{
    public static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddSettings(configuration);
        services.AddSmsGateway(configuration);
        services.AddCivilRegistry(configuration);
        return services.BuildServiceProvider();
    }
}
