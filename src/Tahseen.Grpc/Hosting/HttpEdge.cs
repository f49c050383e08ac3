using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.OpenApi.Models;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// JSON over HTTP/1.1 for every unary method that has a <c>google.api.http</c> rule (served on the
/// <c>Kestrel:Endpoints:Http</c> endpoint), the public keys that verify access tokens at
/// <c>/.well-known/jwks.json</c>, and in Development its OpenAPI description at
/// <c>/swagger/v1/swagger.json</c>.
/// </summary>
public static class HttpEdge
{
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>
    /// How long a verifier may reuse the key set. A new key is listed (not yet active) at least this long
    /// before it signs, so verifiers holding a cached copy already know it.
    /// </summary>
    public static readonly TimeSpan JwksMaxAge = TimeSpan.FromMinutes(5);

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

        var cacheControl = $"public, max-age={(int)JwksMaxAge.TotalSeconds}";
        app.MapGet(JwksPath, (HttpContext context, KeyRing keys) =>
        {
            context.Response.Headers.CacheControl = cacheControl;
            return Results.Bytes(keys.SigningKeys.JwksDocument, "application/json");
        });
        return app;
    }
}
