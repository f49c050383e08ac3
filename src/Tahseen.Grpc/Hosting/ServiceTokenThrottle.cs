using System.Threading.RateLimiting;
using Tahseen.Domain.Common;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Prices CreateServiceToken per client id, the part of the request the rate limiter cannot see (it runs
/// before the body is read): a guesser spread over many addresses still gets few tries at one client's
/// secret. A refusal is RATE_LIMITED with the time the window turns, never a captcha, which no machine
/// could solve. The address's own budget is the rate limiter's, as for every anonymous method.
/// </summary>
public sealed class ServiceTokenThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ServiceTokenThrottle(RateLimitOptions options, TimeProvider clock)
    {
        var perMinute = options.ServiceTokenPerClientPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(clientId => perMinute == 0
            ? RateLimitPartition.GetNoLimiter(clientId)
            : RateLimitPartition.Get(clientId, _ => new MinuteBudget(perMinute, clock)));
    }

    /// <summary>Counts one attempt for the client id, or refuses it with RATE_LIMITED.</summary>
    public void Count(string clientId)
    {
        using var lease = _limiter.AttemptAcquire(clientId.Trim());
        if (!lease.IsAcquired)
        {
            lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
            throw new TahseenException(ErrorReason.RateLimited) { RetryAfter = retryAfter };
        }
    }

    public void Dispose() => _limiter.Dispose();
}
