using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Foundation;

public sealed class PersistenceTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    [Fact]
    public async Task Migrations_describe_the_whole_model()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a migration (dotnet ef migrations add)");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [SqliteOnlyFact("WAL, synchronous and foreign-key PRAGMAs are SQLite's connection settings")]
    public async Task Every_connection_runs_in_WAL_mode_with_foreign_keys_enforced()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        await db.Database.OpenConnectionAsync();

        await ShouldBeSetUpAsync(db);
    }

    [SqliteOnlyFact("the PRAGMAs are SQLite's connection settings")]
    public async Task A_connection_taken_again_from_the_pool_keeps_its_settings()
    {
        // The settings are made once per native connection; each later use of it from the pool must still have them.
        for (var use = 0; use < 5; use++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            await db.Database.OpenConnectionAsync();
            await ShouldBeSetUpAsync(db);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ShouldBeSetUpAsync(TahseenDbContext db)
    {
        (await Pragma(db, "journal_mode")).Should().Be("wal");
        (await Pragma(db, "synchronous")).Should().Be("1", "NORMAL is 1");
        (await Pragma(db, "foreign_keys")).Should().Be("1");
        (await Pragma(db, "busy_timeout")).Should().NotBe("0");
        (await Pragma(db, "secure_delete")).Should().Be("1");
    }

    private static async Task<string?> Pragma(TahseenDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
