using Microsoft.EntityFrameworkCore;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>The context <c>dotnet ef</c> builds a provider's model with, without starting the host.</summary>
public static class DesignTimeContexts
{
    public static TahseenDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<TahseenDbContext>();
        options.UseTahseenDatabase(provider, connectionString);
        return new TahseenDbContext(options.Options, new PersonalDataProtector(new NoKeys()));
    }

    /// <summary>Building the model seals nothing; a design-time tool that tried would be a bug.</summary>
    private sealed class NoKeys : IDataKeySource
    {
        public DataKeySet EncryptionKeys => throw new InvalidOperationException("No personal-data keys at design time.");

        public DataKeySet LookupKeys => throw new InvalidOperationException("No personal-data keys at design time.");
    }
}
