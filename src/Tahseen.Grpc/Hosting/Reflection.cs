using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Server reflection, on in Development and switched by <c>Grpc:Reflection</c> elsewhere. Besides the
/// services it describes google/rpc/error_details.proto, which no service imports, so that tools
/// resolving <c>Any</c> through reflection (<c>grpcurl</c>, Postman) print error details decoded
/// instead of as base64 (<c>buf curl</c> cannot: see docs/errors.md).
/// </summary>
public static class Reflection
{
    public const string SettingName = "Grpc:Reflection";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[SettingName];
        if (value is null)
        {
            return environment.IsDevelopment();
        }

        return value.Trim() switch
        {
            "1" => true,
            "0" => false,
            _ when bool.TryParse(value, out var enabled) => enabled,
            _ => throw new SettingsException($"{SettingName} must be true, false, 1 or 0; it is '{value}'."),
        };
    }

    public static IServiceCollection AddReflection(this IServiceCollection services)
    {
        Google.Protobuf.Reflection.ServiceDescriptor[] served =
        [
            IdentityService.Descriptor, TicketService.Descriptor, StaffTicketService.Descriptor, AdminService.Descriptor, IntegrationService.Descriptor,
            SandboxService.Descriptor, Health.Descriptor, ServerReflection.Descriptor,
        ];
        var files = served.Select(s => s.File).Append(Google.Rpc.ErrorDetailsReflection.Descriptor).Distinct();
        services.AddSingleton(new ReflectionServiceImpl(served.Select(s => s.FullName), SymbolRegistry.FromFiles(files)));
        services.AddGrpcReflection();
        return services;
    }
}
