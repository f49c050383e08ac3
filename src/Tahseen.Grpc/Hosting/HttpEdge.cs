using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.OpenApi.Models;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// JSON over HTTP/1.1 for every unary method that has a <c>google.api.http</c> rule (served on the
/// <c>Kestrel:Endpoints:Http</c> endpoint), and in Development its OpenAPI description at
/// <c>/swagger/v1/swagger.json</c>.
/// </summary>
public static class HttpEdge
{
    /// <summary>The error details the service sends, so that JSON errors show them decoded rather than as base64.</summary>
    public static TypeRegistry ErrorDetailTypes { get; } = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, LocalizedMessage.Descriptor, BadRequest.Descriptor, RetryInfo.Descriptor,
        PreconditionFailure.Descriptor, QuotaFailure.Descriptor, ResourceInfo.Descriptor, Help.Descriptor);

    public static IServiceCollection AddHttpEdge(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGrpc().AddJsonTranscoding(options => options.TypeRegistry = ErrorDetailTypes);
        if (environment.IsDevelopment())
        {
            services.AddGrpcSwagger();
            services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Tahseen",
                Version = "v1",
                Description = "JSON/HTTP transcoding of the tahseen.v1 gRPC contract. Errors are google.rpc.Status.",
            }));
        }

        return services;
    }

    public static WebApplication MapHttpEdge(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseSwagger();
        }

        return app;
    }
}
