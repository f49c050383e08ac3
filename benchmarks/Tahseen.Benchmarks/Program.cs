using BenchmarkDotNet.Running;

namespace Tahseen.Benchmarks;

// dotnet run -c Release --project benchmarks/Tahseen.Benchmarks -- --filter '*'
// Every figure is reported as a ratio to the baseline measured in the same run.
internal static class BenchmarkProgram
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
