using Tahseen.Application;
using Tahseen.Grpc.Hosting;
using Tahseen.Infrastructure;
using Tahseen.Infrastructure.Persistence;

var invocation = HostCommand.Parse(args);
Settings.AcceptOneAndZeroAsBooleans();

// The app's own folder, not the working directory: the published DLL started from anywhere still
// reads its appsettings.json (and with it the HTTP/2 gRPC endpoint).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = invocation.HostArgs,
    ContentRootPath = AppContext.BaseDirectory,
});

WebApplication app;
try
{
    builder.AddTelemetry();
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddGrpcEdge(builder.Configuration, builder.Environment);
    builder.Services.AddHttpEdge(builder.Environment);
    builder.Services.AddProbes();
    app = builder.Build();
}
catch (Exception exception) when (exception is SettingsException or StartupRefusedException)
{
    return HostRunner.RefuseBeforeBuild(exception);
}

// Disposed on the way out, so that the console logger writes what it still holds (a refusal's one
// line) before the process ends.
await using (app)
{
    return await app.RunAsync(invocation);
}

/// <summary>The entry point, visible to WebApplicationFactory in the end-to-end tests.</summary>
public partial class Program;
