using Microsoft.EntityFrameworkCore.Design;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.PostgreSql;

/// <summary>
/// <c>dotnet ef migrations add X --project src/Tahseen.Infrastructure.PostgreSql --startup-project src/Tahseen.Infrastructure.PostgreSql</c>
/// (adding a migration needs no server; applying one does).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TahseenDbContext>
{
    public TahseenDbContext CreateDbContext(string[] args) =>
        DesignTimeContexts.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=tahseen");
}
