using System.Threading.RateLimiting;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// A fixed one-minute window of permits, read from the application's <see cref="TimeProvider"/> so that
/// tests move time by hand. A refused lease says when the window turns (RetryAfter).
/// </summary>
public sealed class MinuteBudget(int permitsPerMinute, TimeProvider clock) : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            var sinceEnd = clock.GetUtcNow() - (_windowStart + Window);
            return sinceEnd > TimeSpan.Zero ? sinceEnd : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitsPerMinute - _used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (now >= _windowStart + Window)
            {
                _windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
                _used = 0;
            }

            if (_used + permitCount <= permitsPerMinute)
            {
                _used += permitCount;
                return Lease.Granted;
            }

            return new Lease(_windowStart + Window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
