using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Tahseen.LoadTest;

/// <summary>What one scenario measured: calls in the window, their latencies, and every non-OK status of the run.</summary>
internal sealed record Measurement(
    string Scenario,
    double RequestsPerSecond,
    long Calls,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    long Succeeded,
    IReadOnlyList<string> ErrorSamples,
    int Concurrency,
    double? FixedRate);

/// <summary>
/// Two ways to load a host. Closed: C callers, each sending its next call when the last one answered
/// (the maximum rate). Fixed rate: calls started on a schedule whatever the answers, each latency timed
/// from its scheduled start, so that a stall counts against every call it delayed.
/// Latencies go into per-caller lists (no shared state on the hot path) and are merged at the end. The
/// rate is the calls answered inside the measured window (as h2load counts), so a call slower than the
/// window still counts once it ends inside it; errors count over warm-up and window both.
/// </summary>
internal sealed class LoadRunner(TimeSpan warmup, TimeSpan duration)
{
    private readonly ConcurrentDictionary<string, int> _errorKinds = new(StringComparer.Ordinal);
    private long _errors;
    private long _completed;
    private long _succeeded;

    public async Task<Measurement> ClosedAsync(string scenario, int concurrency, Func<int, CancellationToken, Task> call)
    {
        Reset();
        var latencies = new List<long>[concurrency];
        var phase = 0;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<long>(1024);
            while (Volatile.Read(ref phase) < 2)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await TryAsync(() => call(worker, CancellationToken.None));
                var end = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _completed);
                if (ok && Volatile.Read(ref phase) == 1)
                {
                    mine.Add(end - start);
                }
            }
        })).ToList();

        // The calls in flight at the end finish (outside the window) rather than being cancelled: a
        // cancelled call is a non-OK status the service did not cause.
        var window = await DriveAsync(scenario, () => Volatile.Write(ref phase, 1), () => Volatile.Write(ref phase, 2));
        await Task.WhenAll(workers);
        return Result(scenario, latencies.SelectMany(l => l).ToArray(), window, concurrency, null);
    }

    /// <summary>
    /// One call at a time, for a call whose time is the target (statistics): one call as the warm-up, then
    /// calls until the window has passed, and at least one, every one of them timed to its end however long
    /// it takes (a closed loop would leave a call longer than the window out).
    /// </summary>
    public async Task<Measurement> SequentialAsync(string scenario, Func<int, CancellationToken, Task> call)
    {
        Reset();
        Console.Error.WriteLine($"{scenario,-22} one call at a time, each timed to its end");
        await TryAsync(() => call(0, CancellationToken.None));
        var latencies = new List<long>();
        var window = Stopwatch.StartNew();
        while (latencies.Count == 0 || window.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            var ok = await TryAsync(() => call(0, CancellationToken.None));
            if (!ok && latencies.Count == 0 && window.Elapsed >= duration)
            {
                break;
            }

            if (ok)
            {
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
        }

        return Result(scenario, [.. latencies], window.Elapsed, 1, null);
    }

    public async Task<Measurement> FixedRateAsync(string scenario, double rate, Func<int, CancellationToken, Task> call)
    {
        Reset();
        var latencies = new List<long>();
        var inFlight = new ConcurrentDictionary<long, Task>();
        var measureFrom = long.MaxValue;
        var measureTo = long.MaxValue;
        using var stop = new CancellationTokenSource();
        var ticksPerCall = Stopwatch.Frequency / rate;
        var begin = Stopwatch.GetTimestamp();
        long sent = 0;

        async Task OneAsync(long index, long due)
        {
            var ok = await TryAsync(() => call((int)(index % 4096), CancellationToken.None));
            var end = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _completed);
            if (ok && end >= Volatile.Read(ref measureFrom) && end <= Volatile.Read(ref measureTo))
            {
                lock (latencies)
                {
                    latencies.Add(end - due);
                }
            }

            inFlight.TryRemove(index, out _);
        }

        var schedule = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                while (begin + (long)(sent * ticksPerCall) <= now && !stop.IsCancellationRequested)
                {
                    var index = sent++;
                    inFlight[index] = OneAsync(index, begin + (long)(index * ticksPerCall));
                }

                await Task.Delay(1, CancellationToken.None);
            }
        });

        var window = await DriveAsync(scenario,
            () => Volatile.Write(ref measureFrom, Stopwatch.GetTimestamp()),
            () => Volatile.Write(ref measureTo, Stopwatch.GetTimestamp()));
        await stop.CancelAsync();
        await schedule;
        await Task.WhenAll(inFlight.Values);
        var measured = latencies.ToArray();
        return Result(scenario, measured, window, 0, rate);
    }

    /// <summary>Warm-up, then the measured window, with a progress line on standard error once a second.</summary>
    private async Task<TimeSpan> DriveAsync(string scenario, Action startWindow, Action endWindow)
    {
        var total = Stopwatch.StartNew();
        await ProgressAsync(scenario, "warm-up", warmup, total);
        startWindow();
        var window = Stopwatch.StartNew();
        await ProgressAsync(scenario, "measure", duration, total);
        endWindow();
        window.Stop();
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write('\r' + new string(' ', 100) + '\r');
        }

        return window.Elapsed;
    }

    private async Task ProgressAsync(string scenario, string phase, TimeSpan length, Stopwatch total)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var lastCount = Interlocked.Read(ref _completed);
        var lastTime = Stopwatch.GetTimestamp();
        while (TimeSpan.FromSeconds((end - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency) is var left && left > TimeSpan.FromMilliseconds(5))
        {
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            var (count, time) = (Interlocked.Read(ref _completed), Stopwatch.GetTimestamp());
            var rate = (count - lastCount) / ((time - lastTime) / (double)Stopwatch.Frequency);
            (lastCount, lastTime) = (count, time);
            var line = $"{scenario,-22} {phase,-8} {total.Elapsed.TotalSeconds,5:0.0}s {count,9:N0} calls {rate,9:N0}/s {Interlocked.Read(ref _errors),5} errors";
            Console.Error.Write(Console.IsErrorRedirected ? line + Environment.NewLine : "\r" + line);
        }
    }

    private async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            Interlocked.Increment(ref _succeeded);
            return true;
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            Interlocked.Increment(ref _errors);
            var kind = exception is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : $"{exception.GetType().Name}: {exception.Message}";
            _errorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return false;
        }
    }

    private void Reset()
    {
        _errorKinds.Clear();
        Interlocked.Exchange(ref _errors, 0);
        Interlocked.Exchange(ref _completed, 0);
        Interlocked.Exchange(ref _succeeded, 0);
    }

    private Measurement Result(string scenario, long[] ticks, TimeSpan window, int concurrency, double? rate)
    {
        Array.Sort(ticks);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double Quantile(double q) => ticks.Length == 0 ? double.NaN : Ms(ticks[Math.Max(0, (int)Math.Ceiling(q * ticks.Length) - 1)]);
        return new Measurement(
            scenario,
            ticks.Length / window.TotalSeconds,
            ticks.Length,
            Quantile(0.50),
            Quantile(0.90),
            Quantile(0.99),
            ticks.Length == 0 ? double.NaN : Ms(ticks[^1]),
            Interlocked.Read(ref _errors),
            Interlocked.Read(ref _succeeded),
            [.. _errorKinds.OrderByDescending(e => e.Value).Take(5).Select(e => $"{e.Value} × {e.Key}")],
            concurrency,
            rate);
    }
}
