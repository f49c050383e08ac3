using Tahseen.Application;
using Tahseen.Grpc.Hosting;
using Tahseen.Infrastructure;
using Tahseen.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddGrpcEdge(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();
app.MapGrpcEdge();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the end-to-end tests.</summary>
public partial class Program;
