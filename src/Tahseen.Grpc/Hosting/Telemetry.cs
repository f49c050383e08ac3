using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tahseen.Application.Common.Observability;
using Tahseen.Infrastructure.Outbox;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics. Nothing leaves the process unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (then OTLP, configured by the standard <c>OTEL_*</c> variables); Prometheus can scrape
/// <c>/metrics</c> on the HTTP endpoint. Every log line carries the trace id, which is also the
/// correlation id of an INTERNAL answer; outside Development logs are JSON lines.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "tahseen-grpc";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
            });
        }

        // Request paths carry ids, never personal data; query strings are not recorded.
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(TahseenMetrics.MeterName, OutboxDispatcher.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
