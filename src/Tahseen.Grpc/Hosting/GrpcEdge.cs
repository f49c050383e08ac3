using Tahseen.Grpc.Errors;
using Tahseen.Grpc.Mapping;
using Tahseen.Grpc.Services;

namespace Tahseen.Grpc.Hosting;

/// <summary>The gRPC surface: services, the error interceptor, mapping, health and reflection.</summary>
public static class GrpcEdge
{
    public static IServiceCollection AddGrpcEdge(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.EnableDetailedErrors = false;
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        services.AddGrpcHealthChecks();
        services.AddAuthorization();
        if (environment.IsDevelopment())
        {
            services.AddGrpcReflection();
        }

        var mapping = MappingConfiguration.Create();
        services.AddSingleton(mapping);
        services.AddSingleton<MapsterMapper.IMapper>(new MapsterMapper.Mapper(mapping));
        return services;
    }

    public static WebApplication MapGrpcEdge(this WebApplication app)
    {
        app.UseAuthorization();
        app.MapGrpcService<IdentityGrpcService>();
        app.MapGrpcService<TicketGrpcService>();
        app.MapGrpcService<StaffTicketGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcHealthChecksService();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
