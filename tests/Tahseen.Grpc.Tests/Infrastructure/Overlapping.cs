using Grpc.Core;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// Fires calls that really overlap: every call is started on its own task and waits at a gate that
/// opens only when all of them are waiting, so none can finish before the others have begun.
/// </summary>
public static class Overlapping
{
    /// <summary>Runs <paramref name="count"/> calls at once; each outcome is "OK" or the error's reason.</summary>
    public static async Task<string[]> RunAsync(int count, Func<int, Task> call)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var calls = Enumerable.Range(0, count).Select(index => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref waiting) == count)
            {
                gate.SetResult();
            }

            await gate.Task;
            try
            {
                await call(index);
                return "OK";
            }
            catch (RpcException exception)
            {
                return GrpcError.From(exception).Reason ?? exception.StatusCode.ToString();
            }
        })).ToArray();
        return await Task.WhenAll(calls);
    }

    /// <summary>How many outcomes had each reason, for assertions that read like the rule.</summary>
    public static Dictionary<string, int> Tally(this IEnumerable<string> outcomes) =>
        outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
}
