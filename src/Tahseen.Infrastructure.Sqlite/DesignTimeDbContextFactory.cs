using Microsoft.EntityFrameworkCore.Design;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sqlite;

/// <summary>
/// <c>dotnet ef migrations add X --project src/Tahseen.Infrastructure.Sqlite --startup-project src/Tahseen.Infrastructure.Sqlite</c>
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TahseenDbContext>
{
    public TahseenDbContext CreateDbContext(string[] args) =>
        DesignTimeContexts.Create(DatabaseProvider.Sqlite, Infrastructure.DependencyInjection.DefaultSqliteConnectionString);
}
