using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef` build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TahseenDbContext>
{
    public TahseenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TahseenDbContext>()
            .UseSqlite(DependencyInjection.DefaultSqliteConnectionString, sqlite => sqlite.MigrationsHistoryTable(DependencyInjection.MigrationsHistoryTable))
            .Options);
}
