using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Liveness (the process answers) and readiness (the database is reachable and its schema is
/// current), for orchestrators: gRPC <c>grpc.health.v1.Health</c> and <c>GET /healthz</c>,
/// <c>GET /readyz</c>. The gRPC service "" and every tahseen service name answer readiness;
/// "liveness" and "readiness" answer each check on its own.
/// </summary>
public static class Probes
{
    public const string LivenessTag = "live";
    public const string ReadinessTag = "ready";
    public const string LivenessService = "liveness";
    public const string ReadinessService = "readiness";

    public static readonly IReadOnlyList<string> ServedServices =
    [
        "tahseen.v1.IdentityService", "tahseen.v1.TicketService", "tahseen.v1.StaffTicketService", "tahseen.v1.AdminService",
        "tahseen.v1.IntegrationService",
    ];

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LivenessTag])
            .AddDbContextCheck<TahseenDbContext>(
                "database",
                tags: [ReadinessTag],
                customTestQuery: async (db, cancellationToken) => !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            .AddCheck<CalendarCoverageCheck>("calendar", tags: [ReadinessTag]);

        services.AddGrpcHealthChecks(options =>
        {
            options.Services.Clear();
            options.Services.Map(string.Empty, IsReadiness);
            options.Services.Map(ReadinessService, IsReadiness);
            options.Services.Map(LivenessService, (HealthCheckMapContext context) => context.Tags.Contains(LivenessTag));
            foreach (var service in ServedServices)
            {
                options.Services.Map(service, IsReadiness);
            }
        });
        return services;
    }

    public static WebApplication MapProbes(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LivenessTag) });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadinessTag), ResponseWriter = WriteDetailsAsync });
        return app;
    }

    private static bool IsReadiness(HealthCheckMapContext context) => context.Tags.Contains(ReadinessTag);

    /// <summary>The overall status, then each check's status and what it found, as JSON for operators.</summary>
    private static Task WriteDetailsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(body));
    }
}
