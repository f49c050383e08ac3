using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.CivilRegistry;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Infrastructure.Configuration;

/// <summary>The two systems outside this service: the SMS gateway and the civil registry, chosen by configuration.</summary>
public static class Gateways
{
    public static IServiceCollection AddSmsGateway(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"{SmsOptions.SectionName}:{nameof(SmsOptions.Provider)}"] == SmsOptions.HttpProvider)
        {
            // Short retries inside one send; the outbox's own back-off covers longer outages.
            services.AddHttpClient<ISmsSender, HttpSmsSender>()
                .AddResilienceHandler("sms-gateway", (pipeline, context) =>
                {
                    var timeout = context.ServiceProvider.GetRequiredService<IOptions<SmsOptions>>().Value.Http.Timeout;
                    Resilience(pipeline, timeout);
                });
        }
        else
        {
            services.AddScoped<ISmsSender, SandboxSmsSender>();
        }

        return services;
    }

    public static IServiceCollection AddCivilRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        // The shipped sample persons stay available to the sandbox's identity listing whichever registry answers look-ups.
        services.AddSingleton<EmbeddedCivilRegistry>();
        if (configuration[$"{CivilRegistryOptions.SectionName}:{nameof(CivilRegistryOptions.Provider)}"] == CivilRegistryOptions.HttpProvider)
        {
            services.AddMemoryCache();
            services.AddHttpClient<ICivilRegistry, HttpCivilRegistry>()
                .AddResilienceHandler("civil-registry", (pipeline, context) =>
                {
                    var timeout = context.ServiceProvider.GetRequiredService<IOptions<CivilRegistryOptions>>().Value.Http.Timeout;
                    Resilience(pipeline, timeout);
                });
        }
        else
        {
            services.AddSingleton<ICivilRegistry>(sp => sp.GetRequiredService<EmbeddedCivilRegistry>());
        }

        return services;
    }

    /// <summary>
    /// A total timeout over everything, retries with jittered exponential back-off on transient
    /// failures (5xx, 408, 429, network errors, a timed-out attempt), a circuit breaker that stops
    /// hammering a gateway that keeps failing, and a timeout per attempt.
    /// </summary>
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan total)
    {
        var attempt = total / 3;
        pipeline
            .AddTimeout(total)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(attempt);
    }
}
