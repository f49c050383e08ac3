using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Grpc.Errors;
using Tahseen.Grpc.Mapping;
using Tahseen.Grpc.Services;
using Tahseen.Infrastructure.Sandbox;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Grpc.Hosting;

/// <summary>The gRPC surface: services, authentication, the error interceptor, mapping, health and reflection.</summary>
public static class GrpcEdge
{
    public static IServiceCollection AddGrpcEdge(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        RefuseUnsafeProductionSettings(configuration, environment);

        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.EnableDetailedErrors = false;
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        services.AddGrpcHealthChecks();
        if (environment.IsDevelopment())
        {
            services.AddGrpcReflection();
        }

        services.AddTokenAuthentication();
        services.AddSingleton(WatchOptions.Read(configuration));
        services.AddSingleton<SessionStreams>();
        services.AddSingleton<ISessionEnds>(sp => sp.GetRequiredService<SessionStreams>());
        services.AddHostedService<SessionStreamCheck>();
        services.AddGrpcRateLimiting(configuration);

        var mapping = MappingConfiguration.Create();
        services.AddSingleton(mapping);
        services.AddSingleton<MapsterMapper.IMapper>(new MapsterMapper.Mapper(mapping));
        return services;
    }

    public static WebApplication MapGrpcEdge(this WebApplication app)
    {
        // Every gRPC answer below, including the framework's own, leaves with the contract's error model.
        app.UseMiddleware<StatusDetailsBackstop>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestMessageGuard>();

        app.MapGrpcService<IdentityGrpcService>();
        app.MapGrpcService<TicketGrpcService>();
        app.MapGrpcService<StaffTicketGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcService<IntegrationGrpcService>();
        app.MapGrpcHealthChecksService();
        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            app.MapGrpcService<SandboxGrpcService>();
        }

        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }

    /// <summary>
    /// Outside Development the sandbox (which reveals codes and captcha answers) is refused, and the
    /// keys must come from configuration rather than be generated.
    /// </summary>
    private static void RefuseUnsafeProductionSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        if (configuration.GetValue<bool>($"{SandboxOptions.SectionName}:{nameof(SandboxOptions.Enabled)}"))
        {
            throw new InvalidOperationException($"Sandbox mode is for Development only; it is on in the {environment.EnvironmentName} environment.");
        }

        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        if (security.GenerateMissingKeys)
        {
            throw new InvalidOperationException("Security:GenerateMissingKeys is for Development only.");
        }

        KeyRing.RequireConfiguredKeys(security);
    }
}
