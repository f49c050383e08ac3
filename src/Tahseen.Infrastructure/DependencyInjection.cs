using Microsoft.Extensions.Logging;
using Tahseen.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tahseen.Application.Staff;
using Tahseen.Infrastructure.Configuration;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Identity;
using Tahseen.Infrastructure.Audit;
using Tahseen.Infrastructure.CaptchaImages;
using Tahseen.Infrastructure.CivilRegistry;
using Tahseen.Infrastructure.Idempotency;
using Tahseen.Infrastructure.Maintenance;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Interceptors;
using Tahseen.Infrastructure.Persistence.PersonalData;
using Tahseen.Infrastructure.Persistence.Seeding;
using Tahseen.Infrastructure.Privacy;
using Tahseen.Infrastructure.Sandbox;
using Tahseen.Infrastructure.Security;
using Tahseen.Infrastructure.Sms;
using Tahseen.Infrastructure.Tickets;

using Tahseen.Application.Calendar;
using Tahseen.Infrastructure.Calendar;

namespace Tahseen.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Tahseen";
    public const string DefaultSqliteConnectionString = "Data Source=tahseen.db";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSettings(configuration);

        var provider = DatabaseProviders.Parse(configuration.GetSection(DatabaseOptions.SectionName)[nameof(DatabaseOptions.Provider)]);
        var connectionString = DatabaseProviders.ConnectionString(provider, configuration.GetConnectionString(ConnectionStringName));
        services.AddSingleton<SqliteConnectionPragmas>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<DomainEventsToOutbox>();
        (configuration.GetSection(PrivacyOptions.SectionName).Get<PrivacyOptions>() ?? new PrivacyOptions()).Validate();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IPersonalDataLookup>(sp => sp.GetRequiredService<PersonalDataProtector>());
        services.AddSingleton<LookupHashInterceptor>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<IAuditChainVerifier>(sp => sp.GetRequiredService<AuditChainVerifier>());
        services.AddScoped<IAuditEventReader, AuditEventReader>();
        services.AddSingleton<AuditChainHeadLogger>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainHeadLogger>());
        services.AddSingleton<AuditRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetentionJob>());
        services.AddSingleton<PersonalDataRekeyJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PersonalDataRekeyJob>());
        // The options are built once for the process (every interceptor is shared, per-context state lives
        // on the context): building them for each request cost more than many a query.
        services.AddDbContext<TahseenDbContext>(
            (sp, options) =>
            {
                options.UseTahseenDatabase(provider, connectionString);
                if (provider == DatabaseProvider.Sqlite)
                {
                    options.AddInterceptors(sp.GetRequiredService<SqliteConnectionPragmas>());
                }

                options.AddInterceptors(
                    sp.GetRequiredService<LookupHashInterceptor>(),
                    new AuditChainInterceptor(sp.GetRequiredService<TimeProvider>()),
                    sp.GetRequiredService<DomainEventsToOutbox>(),
                    sp.GetRequiredService<OutboxSignal>(),
                    sp.GetRequiredService<OutboxWakeUp>());
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Commits on other replicas wake this one's outbox readers at once (NOTIFY from a trigger).
            services.AddSingleton(new OutboxNotificationListener.Connection(connectionString));
            services.AddHostedService<OutboxNotificationListener>();
        }

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<TahseenDbContext>());
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<ICommandLocks, CommandLocks>();

        services.AddSingleton<IDataSeeder, ReferenceDataSeeder>();
        services.AddSingleton<IDataSeeder, SandboxAccountsSeeder>();

        services.AddSingleton(Options.Create(ReadOneTimeCodeOptions(configuration)));
        services.AddIdentityAdapters(configuration);
        services.AddSmsOutbox(configuration);
        services.AddTickets();
        services.AddDataProtection(configuration);

        return services;
    }

    /// <summary>Reads and checks the section; a bad value stops start-up with a message naming the setting.</summary>
    private static OneTimeCodeOptions ReadOneTimeCodeOptions(IConfiguration configuration)
    {
        var options = new OneTimeCodeOptions();
        try
        {
            configuration.GetSection(OneTimeCodeOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"{OneTimeCodeOptions.SectionName}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }

        if (options.MaxPerHour is < 1 or > 100)
        {
            throw new InvalidOperationException(
                $"{OneTimeCodeOptions.SectionName}:{nameof(OneTimeCodeOptions.MaxPerHour)} must be between 1 and 100; it is {options.MaxPerHour}.");
        }

        return options;
    }

    private static void AddTickets(this IServiceCollection services)
    {
        // The working days per type come from the Tickets section, the end of the working day from Sla.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TicketOptions>>().Value.DueTimePolicy() with
        {
            WorkdayEnd = sp.GetRequiredService<IOptions<SlaOptions>>().Value.WorkdayEnd,
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TicketOptions>>().Value.Calendar());
        services.AddScoped<ITicketNumbers, TicketNumberSequence>();
        services.AddSingleton<TicketFeed>();
        services.AddSingleton<ITicketFeed>(sp => sp.GetRequiredService<TicketFeed>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<TicketAutoCloseJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketAutoCloseJob>());
        services.AddSingleton<TicketFollowUpJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketFollowUpJob>());

        // The one working calendar, its holidays from the table (plus any configured days).
        services.AddSingleton(sp => new HolidayCalendar(
            sp.GetRequiredService<WorkingCalendar>(),
            [.. sp.GetRequiredService<IOptions<TicketOptions>>().Value.Holidays ?? []],
            sp.GetRequiredService<ILogger<HolidayCalendar>>()));
        services.AddSingleton(sp => new DueTimeRecalculationOptions(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.RecomputeInCallLimit));
        services.AddScoped<DueTimeRecalculation>();
        services.AddSingleton<IDataSeeder, HolidaySeeder>();
        services.AddSingleton<CalendarJob>();
        services.AddHostedService<CalendarWorker>();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SlaOptions>>().Value.Policy());
        services.AddSingleton<SlaEscalationJob>();
        services.AddHostedService<SlaEscalationWorker>();
    }

    private static void AddIdentityAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<KeyRing>();
        services.AddSingleton<IDataSeeder>(sp => sp.GetRequiredService<KeyRing>());
        services.AddSingleton<IDataKeySource>(sp => sp.GetRequiredService<KeyRing>());
        services.AddSingleton<IKeyedHasher, HmacKeyedHasher>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<ICaptchaRenderer, SkiaCaptchaRenderer>();
        services.AddSingleton<ISandbox, SandboxMode>();
        services.AddScoped<ISandboxDirectory, SandboxDirectory>();
        services.AddCivilRegistry(configuration);
    }

    private static void AddSmsOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSmsGateway(configuration);
        services.AddSingleton<SmsOutboxDispatcher>();
        services.AddHostedService<SmsOutboxWorker>();
        services.AddSingleton<ExpiredRecordsPurger>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredRecordsPurger>());
    }
}
