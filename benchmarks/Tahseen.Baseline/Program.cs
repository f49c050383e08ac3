using Grpc.Core;
using Tahseen.Baseline.V1;

// The same Kestrel endpoint shape as src/Tahseen.Grpc (appsettings.json "Kestrel:Endpoints:Grpc":
// HTTP/2 without TLS); the load test sets the URL to a free loopback port through the environment
// (Kestrel__Endpoints__Grpc__Url) and reads the "Now listening on" line to find it.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
    ["Kestrel:Endpoints:Grpc:Url"] = builder.Configuration["Kestrel:Endpoints:Grpc:Url"] ?? "http://127.0.0.1:0",
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
});
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<Baseline>();
await app.RunAsync();

/// <summary>The empty unary method: no validation, no database, no authentication.</summary>
internal sealed class Baseline : BaselineService.BaselineServiceBase
{
    private static readonly Task<EmptyResponse> Done = Task.FromResult(new EmptyResponse());

    public override Task<EmptyResponse> Empty(EmptyRequest request, ServerCallContext context) => Done;
}
