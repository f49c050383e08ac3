using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Privacy;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// The real host on the test server, with its own database (an SQLite file, or a fresh PostgreSQL database
/// when TAHSEEN_TEST_PROVIDER=PostgreSQL) so that test classes never share state, and a fake clock the
/// tests move by hand.
/// </summary>
public sealed class TahseenApiFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<TestDatabase> _database = new(() => TestDatabase.Create());
    private TestDatabase? _given;

    /// <summary>The database this host runs on: its own scratch one unless a test hands it one to share.</summary>
    public TestDatabase Database
    {
        get => _given ?? _database.Value;
        init => _given = value;
    }

    /// <summary>An SQLite file the test owns (kept after the factory is disposed), whatever the run's provider.</summary>
    public string DatabasePath
    {
        get => Database.FilePath ?? throw new InvalidOperationException("This host runs on PostgreSQL; it has no database file.");
        init => Database = TestDatabase.KeptSqliteFile(value);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public string ConnectionString => Database.ConnectionString;

    /// <summary>More host settings for a test that needs another environment or configuration.</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Tahseen", ConnectionString);
        if (Database.Provider == TestProvider.PostgreSql)
        {
            builder.UseSetting("Database:Provider", Database.ProviderSetting);
        }

        // Every call of the in-process test server comes from one address; the limiter has its own tests.
        builder.UseSetting("RateLimits:AnonymousPerMinute", "0");
        builder.UseSetting("RateLimits:AccountPerMinute", "0");

        // Tests of other things file many tickets for one citizen; the fair limits have their own tests.
        builder.UseSetting("Tickets:MaxOpenPerAccount", "1000");
        builder.UseSetting("Tickets:MaxPerDay", "1000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // The outbox is delivered by the tests calling its dispatcher (Harness.DeliverSmsAsync), not by
            // a worker polling the wall clock behind their back.
            var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SmsOutboxWorker));
            services.Remove(worker);

            // Erasure and retention run when a test calls DataProtectionJobs, not when the fake clock ticks.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DataProtectionWorker)));

            // Tests move the clock by days; the SLA job runs when a test calls it, not on the fake clock's timer.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Tahseen.Infrastructure.Tickets.SlaEscalationWorker)));
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Tahseen.Infrastructure.Calendar.CalendarWorker)));
            services.AddSingleton<FailAfterFirstWrite>();
            services.ConfigureDbContext<TahseenDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<FailAfterFirstWrite>()));
        });
        Configure?.Invoke(builder);
    }

    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_given is null)
        {
            if (_database.IsValueCreated)
            {
                _database.Value.Dispose();
            }
        }
        else if (_given.Provider == TestProvider.Sqlite)
        {
            // A kept or shared file stays, but no pooled handle may hold it open for the next host.
            SqliteConnection.ClearAllPools();
        }
    }
}
