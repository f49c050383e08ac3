using BenchmarkDotNet.Attributes;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Benchmarks;

/// <summary>
/// The cost a login pays for the password check (PBKDF2), and that an unknown login pays for the
/// dummy check, so both answer in about the same time. Baseline: hashing a new password.
/// </summary>
public class PasswordHashBenchmarks
{
    private readonly AspNetPasswordHasher _hasher = new();
    private string _hash = string.Empty;

    [GlobalSetup]
    public void Setup() => _hash = _hasher.Hash("Benchmark2026pass");

    [Benchmark(Baseline = true, Description = "hash a new password")]
    public string Hash() => _hasher.Hash("Benchmark2026pass");

    [Benchmark(Description = "verify the right password (login)")]
    public PasswordCheck VerifyRight() => _hasher.Verify(_hash, "Benchmark2026pass");

    [Benchmark(Description = "verify a wrong password (login)")]
    public PasswordCheck VerifyWrong() => _hasher.Verify(_hash, "Wrong2026pass");

    [Benchmark(Description = "dummy check (unknown login)")]
    public void Dummy() => _hasher.VerifyAgainstDummy("Wrong2026pass");
}
