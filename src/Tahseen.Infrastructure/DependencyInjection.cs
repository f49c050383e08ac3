using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Interceptors;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Tahseen";
    public const string DefaultSqliteConnectionString = "Data Source=tahseen.db";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported by this build; use 'Sqlite'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString;
        services.AddSingleton<SqliteConnectionPragmas>();
        services.AddDbContext<TahseenDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(sp.GetRequiredService<SqliteConnectionPragmas>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<TahseenDbContext>());

        services.AddSingleton<IDataSeeder, ReferenceDataSeeder>();

        return services;
    }
}
