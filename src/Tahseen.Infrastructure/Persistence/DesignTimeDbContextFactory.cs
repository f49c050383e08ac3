using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef` build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TahseenDbContext>
{
    public TahseenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TahseenDbContext>()
            .UseSqlite(DependencyInjection.DefaultSqliteConnectionString, sqlite => sqlite.MigrationsHistoryTable(DependencyInjection.MigrationsHistoryTable))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PersonalData.PersonalDataModelCacheKeyFactory>()
            .Options,
            new PersonalDataProtector(new NoKeys()));

    /// <summary>Building the model seals nothing; a design-time tool that tried would be a bug.</summary>
    private sealed class NoKeys : IDataKeySource
    {
        public DataKeySet EncryptionKeys => throw new InvalidOperationException("No personal-data keys at design time.");

        public DataKeySet LookupKeys => throw new InvalidOperationException("No personal-data keys at design time.");
    }
}
