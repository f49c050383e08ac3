using BenchmarkDotNet.Attributes;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tahseen.Contracts.V1;

namespace Tahseen.Benchmarks;

/// <summary>
/// Unary calls through the whole pipeline (HTTP/2 framing, authentication, interceptor, MediatR,
/// EF Core on an SQLite file), as ratios to an empty gRPC call: the health check.
/// </summary>
[MemoryDiagnoser]
public class GrpcCallBenchmarks
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tahseen-bench-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _factory = null!;
    private GrpcChannel _channel = null!;
    private Health.HealthClient _health = null!;
    private IdentityService.IdentityServiceClient _identity = null!;
    private TicketService.TicketServiceClient _tickets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Tahseen", $"Data Source={_database}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        _health = new Health.HealthClient(_channel);
        _identity = new IdentityService.IdentityServiceClient(_channel);
        _tickets = new TicketService.TicketServiceClient(_channel);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Dispose();
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Benchmark(Baseline = true, Description = "empty gRPC call (health check)")]
    public async Task<HealthCheckResponse> EmptyCall() => await _health.CheckAsync(new HealthCheckRequest());

    [Benchmark(Description = "GetPasswordPolicy (no database)")]
    public async Task<GetPasswordPolicyResponse> PasswordPolicy() => await _identity.GetPasswordPolicyAsync(new GetPasswordPolicyRequest());

    [Benchmark(Description = "GetTerms (one database read)")]
    public async Task<GetTermsResponse> Terms() => await _identity.GetTermsAsync(new GetTermsRequest());

    [Benchmark(Description = "CreateCaptcha (PNG render + insert)")]
    public async Task<CreateCaptchaResponse> Captcha() => await _identity.CreateCaptchaAsync(new CreateCaptchaRequest());
}
