using System.Security.Claims;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Tahseen.Domain.Common;
using Tahseen.Grpc.Errors;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Prices every call of the public services (ASP.NET Core's rate limiter): anonymous methods spend
/// the budget of the client address, authenticated ones the budget of the signed-in account. A refusal
/// is a gRPC status, RESOURCE_EXHAUSTED with RATE_LIMITED and a RetryInfo, never the limiter's HTTP 503
/// (which gRPC clients read as UNAVAILABLE). The sandbox, health and reflection services are not priced.
/// </summary>
public static class GrpcRateLimiting
{
    private const string PricedPackage = "tahseen.v1.";

    public static IServiceCollection AddGrpcRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RateLimitOptions.Read(configuration);
        var trusted = settings.TrustedNetworks();
        services.AddSingleton(provider => new ServiceTokenThrottle(settings, provider.GetRequiredService<TimeProvider>()));
        services.AddRateLimiter(options =>
        {
            options.OnRejected = (context, _) =>
            {
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                return new ValueTask(GrpcErrorResponse.WriteAsync(
                    context.HttpContext,
                    new TahseenException(ErrorReason.RateLimited) { RetryAfter = retryAfter }));
            };
            options.GlobalLimiter = new CostedLimiter(PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var clock = context.RequestServices.GetRequiredService<TimeProvider>();
                var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
                if (method is null || !method.FullName.StartsWith("/" + PricedPackage, StringComparison.Ordinal))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var account = context.User.FindFirstValue(TokenAuthentication.SubjectClaim);
                if (!IsAnonymous(context) && account is not null)
                {
                    return Partition("account:" + account, settings.AccountPerMinute, clock);
                }

                var address = ClientAddress.Resolve(
                    context.Connection.RemoteIpAddress, context.Request.Headers[ClientAddress.ForwardedForHeader], trusted);
                return Partition("address:" + address, settings.AnonymousPerMinute, clock);
            }));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(string key, int perMinute, TimeProvider clock) =>
        perMinute == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.Get(key, _ => new MinuteBudget(perMinute, clock));

    private static bool IsAnonymous(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata?.GetMetadata<IAllowAnonymous>() is not null || metadata?.GetMetadata<IAuthorizeData>() is null;
    }

    private static int CostOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RateLimitCostAttribute>()?.Cost ?? 1;

    /// <summary>Spends as many permits as the method costs instead of the middleware's one.</summary>
    private sealed class CostedLimiter(PartitionedRateLimiter<HttpContext> inner) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            inner.AttemptAcquire(resource, permitCount * CostOf(resource));

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            inner.AcquireAsync(resource, permitCount * CostOf(resource), cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
