using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Tahseen.Infrastructure.Persistence.PersonalData;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>The databases the service runs on: one file for one process, or one server for N replicas.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// How each provider is configured, in one place for the host and for <c>dotnet ef</c>. Each provider
/// has its own migrations assembly: a schema is written for its database (timestamptz, bytea, jsonb and
/// a sequence on PostgreSQL; text and AUTOINCREMENT on SQLite), never one provider's shape copied over.
/// </summary>
public static class DatabaseProviders
{
    public const string SqliteMigrationsAssembly = "Tahseen.Infrastructure.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Tahseen.Infrastructure.PostgreSql";

    /// <summary>Reads <c>Database:Provider</c>; anything else than the two names stops start-up with one line.</summary>
    public static DatabaseProvider Parse(string? name) => name?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var n when n.Equals(DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var n when n.Equals(DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase) => DatabaseProvider.PostgreSql,
        _ => throw new StartupRefusedException($"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.PostgreSql}'; it is '{name}'."),
    };

    /// <summary>
    /// The connection string for the provider: SQLite falls back to a file beside the process; PostgreSQL
    /// needs one, and a malformed one is refused here rather than on the first call.
    /// </summary>
    public static string ConnectionString(DatabaseProvider provider, string? configured)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(configured) ? DependencyInjection.DefaultSqliteConnectionString : configured;
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupRefusedException(
                $"ConnectionStrings:{DependencyInjection.ConnectionStringName} must be set when Database:Provider is {DatabaseOptions.PostgreSql}.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException exception)
        {
            // The message names the bad keyword; the string itself may hold a password, so it is not repeated.
            throw new StartupRefusedException(
                $"ConnectionStrings:{DependencyInjection.ConnectionStringName} is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }

        return configured;
    }

    /// <summary>The provider, its migrations and its resilience; the interceptors are the caller's.</summary>
    public static DbContextOptionsBuilder UseTahseenDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        // A ticket loads with three owned collections (messages, notes, history); one joined query would
        // return their cross product, so collections load in a query each.
        options = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly)
                .MigrationsHistoryTable(DependencyInjection.MigrationsHistoryTable)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                .MigrationsHistoryTable(DependencyInjection.MigrationsHistoryTable)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .ExecutionStrategy(dependencies => new ResilientNpgsqlExecutionStrategy(dependencies))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return options.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
    }
}
