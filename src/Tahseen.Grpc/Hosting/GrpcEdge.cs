using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Grpc.Errors;
using Tahseen.Grpc.Mapping;
using Tahseen.Grpc.Services;
using Tahseen.Infrastructure.Sandbox;

namespace Tahseen.Grpc.Hosting;

/// <summary>The gRPC surface: services, authentication, the error interceptor, mapping, health and reflection.</summary>
public static class GrpcEdge
{
    public static IServiceCollection AddGrpcEdge(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.EnableDetailedErrors = false;
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        if (Reflection.IsEnabled(configuration, environment))
        {
            services.AddReflection();
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
        app.UseMiddleware<Mapping.SlaReadScope.Middleware>();

        app.MapGrpcService<IdentityGrpcService>();
        app.MapGrpcService<TicketGrpcService>();
        app.MapGrpcService<StaffTicketGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcService<IntegrationGrpcService>();
        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            app.MapGrpcService<SandboxGrpcService>();
        }

        if (Reflection.IsEnabled(app.Configuration, app.Environment))
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
