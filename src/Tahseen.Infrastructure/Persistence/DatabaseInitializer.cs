using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Persistence.Seeding;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>Brings the schema up to date with the migrations (where allowed), then runs the seeders.</summary>
public static partial class DatabaseInitializer
{
    /// <summary>
    /// Start-up: migrates when <see cref="DatabaseOptions.MigrateOnStart"/> allows it, otherwise
    /// refuses a schema that is behind; seeds; and outside Development refuses a database that
    /// Development or the sandbox has used (published passwords, generated keys).
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var migrateOnStart = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart;
        await PrepareAsync(services, migrateOnStart, cancellationToken);
    }

    /// <summary>The <c>migrate</c> command: applies the pending migrations and seeds, whatever the settings say.</summary>
    public static Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        PrepareAsync(services, migrate: true, cancellationToken);

    private static async Task PrepareAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        try
        {
            await PrepareOnceAsync(services, migrate, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            throw new StartupRefusedException($"The database cannot be reached: {(exception.InnerException ?? exception).Message}", exception);
        }
    }

    /// <summary>
    /// The server is down, refuses the login, or the connection timed out, after the provider's
    /// retries: one line for the operator, not a stack trace. A bug in a migration still throws.
    /// </summary>
    private static bool IsUnreachable(Exception exception) => exception switch
    {
        RetryLimitExceededException => true,
        Npgsql.NpgsqlException { SqlState: null or ['0', '8', ..] or ['2', '8', ..] or ['3', 'D', ..] } => true,
        TimeoutException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    private static async Task PrepareOnceAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        await EnsureReachableAsync(db, cancellationToken);

        // A new database has no history table yet; asking it for applied migrations would log a failed
        // query as an error on PostgreSQL (EF 9+ no longer checks first), which an operator would chase.
        var hasHistory = await HistoryTableExistsAsync(db, cancellationToken);
        var pending = hasHistory
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : db.Database.GetMigrations().ToList();
        if (pending.Count > 0 && !migrate)
        {
            throw new StartupRefusedException(
                $"The database schema is {pending.Count} migration(s) behind; run the 'migrate' command once or set Database:MigrateOnStart=true");
        }

        if (!hasHistory)
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, pending.Count);

        if (!scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await RefuseDevelopmentDataAsync(db, cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Opens one connection of the provider's own, outside EF: an unreachable server or a refused
    /// login is then one start-up line, not EF's retries each logging the connection error in full.
    /// </summary>
    private static async Task EnsureReachableAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        var probe = db.Database.GetDbConnection();
        if (probe.State == System.Data.ConnectionState.Open)
        {
            return;
        }

        await probe.OpenAsync(cancellationToken);
        await probe.CloseAsync();
    }

    private static async Task<bool> HistoryTableExistsAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        var found = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<bool>($"SELECT to_regclass({DependencyInjection.MigrationsHistoryTable}) IS NOT NULL AS \"Value\"")
            : db.Database.SqlQuery<bool>($"SELECT count(*) > 0 AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {DependencyInjection.MigrationsHistoryTable}");
        return await found.SingleAsync(cancellationToken);
    }

    private static async Task RefuseDevelopmentDataAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Accounts.AnyAsync(a => a.IsSandbox, cancellationToken))
        {
            throw new StartupRefusedException(
                "This database holds sandbox accounts, whose passwords are published; outside Development use a database the sandbox never touched");
        }

        if (await db.StoredSecrets.AnyAsync(s => KeyRing.GeneratedKeyNames.Contains(s.Name), cancellationToken))
        {
            throw new StartupRefusedException(
                "This database holds keys generated in Development; outside Development use a database Development never touched");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
