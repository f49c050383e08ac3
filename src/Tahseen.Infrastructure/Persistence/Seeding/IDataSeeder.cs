namespace Tahseen.Infrastructure.Persistence.Seeding;

/// <summary>
/// Puts reference or sample data in place at start-up. Seeders run after migrations, in
/// <see cref="Order"/>, and must be idempotent: several replicas may start at once.
/// </summary>
public interface IDataSeeder
{
    int Order { get; }

    Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken);
}
