using Tahseen.Application.Common.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tahseen.Application.Staff;
using Tahseen.Application.Tickets;
using Tahseen.Infrastructure.Audit;
using Tahseen.Infrastructure.Calendar;
using Tahseen.Infrastructure.CivilRegistry;
using Tahseen.Infrastructure.Idempotency;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Sandbox;
using Tahseen.Infrastructure.Security;
using Tahseen.Infrastructure.Sms;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Infrastructure.Configuration;

/// <summary>
/// Every settings section this layer reads, bound once and checked when the host starts
/// (<c>ValidateOnStart</c>): a bad value stops start-up with a message naming the setting, instead
/// of surfacing later in a background job or on the first call that needs it.
/// </summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        // Database:Provider and the connection string are read (and refused) where the DbContext is
        // registered, since nothing can be put together without them.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate<IHostEnvironment>(
                (o, env) => env.IsDevelopment() || !o.GenerateMissingKeys,
                "Security:GenerateMissingKeys is for Development only; configure Security:SigningKeys and Security:HashKey")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && !string.IsNullOrWhiteSpace(o.Audience),
                "Security:Issuer and Security:Audience must not be empty")
            .Validate(o => o.AccessTokenLifetime >= TimeSpan.FromMinutes(1) && o.AccessTokenLifetime <= TimeSpan.FromHours(12),
                "Security:AccessTokenLifetime must be between 00:01:00 and 12:00:00")
            .Validate(o => o.ServiceTokenLifetime >= TimeSpan.FromMinutes(1) && o.ServiceTokenLifetime <= TimeSpan.FromHours(1),
                "Security:ServiceTokenLifetime must be between 00:01:00 and 01:00:00")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, ConfiguredKeysValidation>();
        services.AddOptions<AccessCheckOptions>().Bind(configuration.GetSection(AccessCheckOptions.SectionName))
            .Validate(o => o.SessionRecheckInterval >= TimeSpan.Zero && o.SessionRecheckInterval <= AccessCheckOptions.MaxRecheckInterval,
                "Security:SessionRecheckInterval must be between 00:00:00 (check every call) and 00:00:05")
            .ValidateOnStart();

        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName))
            .Validate<IHostEnvironment>(
                (o, env) => env.IsDevelopment() || !o.Enabled,
                "Sandbox:Enabled is for Development only: the sandbox reveals one-time codes and captcha answers")
            .ValidateOnStart();

        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section))
            .Validate(o => IsWorkingDays(o.ComplaintWorkingDays), "Tickets:ComplaintWorkingDays must be between 1 and 60")
            .Validate(o => IsWorkingDays(o.InquiryWorkingDays), "Tickets:InquiryWorkingDays must be between 1 and 60")
            .Validate(o => IsWorkingDays(o.SuggestionWorkingDays), "Tickets:SuggestionWorkingDays must be between 1 and 60")
            .Validate(o => o.AutoCloseInterval >= TimeSpan.FromSeconds(1) && o.AutoCloseInterval <= TimeSpan.FromDays(1),
                "Tickets:AutoCloseInterval must be between 00:00:01 and 1.00:00:00")
            .Validate(o => o.FollowUpInterval >= TimeSpan.FromSeconds(1) && o.FollowUpInterval <= TimeSpan.FromDays(1),
                "Tickets:FollowUpInterval must be between 00:00:01 and 1.00:00:00")
            .ValidateOnStart();

        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName))
            .Validate(o => o.Provider is SmsOptions.SandboxProvider or SmsOptions.HttpProvider, "Sms:Provider must be 'Sandbox' or 'Http'")
            .Validate<IHostEnvironment>(
                (o, env) => o.Provider != SmsOptions.SandboxProvider || env.IsDevelopment() || o.AllowSandboxSender,
                "Sms:Provider is 'Sandbox' outside Development, where no SMS would reach a phone; set Sms:Provider=Http (or Sms:AllowSandboxSender=true for a test environment)")
            .Validate(o => o.Provider != SmsOptions.HttpProvider || IsHttpUrl(o.Http.Url), "Sms:Http:Url must be an absolute http(s) URL when Sms:Provider is 'Http'")
            .Validate(o => o.Provider != SmsOptions.HttpProvider || !string.IsNullOrWhiteSpace(o.Http.ApiKey), "Sms:Http:ApiKey must be set when Sms:Provider is 'Http'")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Http.SenderName) && o.Http.SenderName.Length <= 11, "Sms:Http:SenderName must be 1 to 11 characters")
            .Validate(o => IsGatewayTimeout(o.Http.Timeout), "Sms:Http:Timeout must be between 00:00:01 and 00:05:00")
            .ValidateOnStart();

        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.SectionName))
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1) && o.RefreshInterval <= TimeSpan.FromHours(1),
                "Calendar:RefreshInterval must be between 00:00:01 and 01:00:00")
            .Validate(o => o.RecomputeInCallLimit is >= 1 and <= 100_000, "Calendar:RecomputeInCallLimit must be between 1 and 100000")
            .ValidateOnStart();

        services.AddOptions<RequesterLimitOptions>().Bind(configuration.GetSection(RequesterLimitOptions.SectionName))
            .Validate(o => o.MaxOpenPerAccount is >= 1 and <= RequesterLimitOptions.MaxLimit,
                $"Tickets:MaxOpenPerAccount must be between 1 and {RequesterLimitOptions.MaxLimit}")
            .Validate(o => o.MaxPerDay is >= 1 and <= RequesterLimitOptions.MaxLimit,
                $"Tickets:MaxPerDay must be between 1 and {RequesterLimitOptions.MaxLimit}")
            .ValidateOnStart();

        services.AddOptions<AppealOptions>().Bind(configuration.GetSection(AppealOptions.SectionName))
            .Validate(o => o.WindowDays is >= 1 and <= 365, "Appeals:WindowDays must be between 1 and 365")
            .Validate(o => IsWorkingDays(o.TargetWorkingDays), "Appeals:TargetWorkingDays must be between 1 and 60")
            .ValidateOnStart();

        services.AddOptions<AssignmentOptions>().Bind(configuration.GetSection(AssignmentOptions.SectionName))
            .Validate(o => AssignmentOptions.IsKnownMode(o.Mode), "Assignment:Mode must be 'LeastLoaded' or 'None'")
            .ValidateOnStart();

        services.AddOptions<DuplicateOptions>().Bind(configuration.GetSection(DuplicateOptions.SectionName))
            .Validate(o => o.Threshold is > 0 and <= 1, "Duplicates:Threshold must be above 0 and at most 1")
            .ValidateOnStart();

        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName))
            .Validate(o => o.AtRiskPercent is >= 1 and <= 99, "Sla:AtRiskPercent must be between 1 and 99")
            .Validate(o => SlaOptions.IsWorkdayEnd(o.WorkdayEnd), "Sla:WorkdayEnd must be a time of day between 08:00 and 23:59 (Riyadh), such as 14:30")
            .Validate(o => o.MaxPauses is >= 0 and <= SlaOptions.MaxPausesLimit, $"Sla:MaxPauses must be between 0 and {SlaOptions.MaxPausesLimit}")
            .Validate(o => o.MaxPausedWorkingDays is >= 0 and <= SlaOptions.MaxPausedWorkingDaysLimit,
                $"Sla:MaxPausedWorkingDays must be between 0 and {SlaOptions.MaxPausedWorkingDaysLimit}")
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1) && o.CheckInterval <= TimeSpan.FromDays(1),
                "Sla:CheckInterval must be between 00:00:01 and 1.00:00:00")
            .ValidateOnStart();

        services.AddOptions<SubmitterRevealOptions>().Bind(configuration.GetSection(SubmitterRevealOptions.SectionName))
            .Validate(o => o.RevealsPerDay is >= 1 and <= SubmitterRevealOptions.MaxRevealsPerDay,
                $"Privacy:RevealsPerDay must be between 1 and {SubmitterRevealOptions.MaxRevealsPerDay}")
            .ValidateOnStart();

        services.AddOptions<AuditRetentionOptions>().Bind(configuration.GetSection(AuditRetentionOptions.SectionName))
            .Validate(o => IsRetentionMonths(o.AuditMonths),
                $"Retention:AuditMonths must be between {AuditRetentionOptions.MinimumMonths} and {AuditRetentionOptions.MaximumMonths} (security logs are kept at least 12 months)")
            .Validate(o => IsRetentionMonths(o.SecurityEventMonths),
                $"Retention:SecurityEventMonths must be between {AuditRetentionOptions.MinimumMonths} and {AuditRetentionOptions.MaximumMonths} (security logs are kept at least 12 months)")
            .Validate(o => o.PurgeInterval >= TimeSpan.Zero && o.PurgeInterval <= TimeSpan.FromDays(7),
                "Retention:PurgeInterval must be between 00:00:00 and 7.00:00:00")
            .ValidateOnStart();

        services.AddOptions<CivilRegistryOptions>().Bind(configuration.GetSection(CivilRegistryOptions.SectionName))
            .Validate(o => o.Provider is CivilRegistryOptions.EmbeddedProvider or CivilRegistryOptions.HttpProvider,
                "CivilRegistry:Provider must be 'Embedded' or 'Http'")
            .Validate<IHostEnvironment>(
                (o, env) => o.Provider != CivilRegistryOptions.EmbeddedProvider || env.IsDevelopment() || o.AllowEmbedded,
                "CivilRegistry:Provider is 'Embedded' (synthetic persons) outside Development; set CivilRegistry:Provider=Http (or CivilRegistry:AllowEmbedded=true for a test environment)")
            .Validate(o => o.Provider != CivilRegistryOptions.HttpProvider || IsHttpUrl(o.Http.Url),
                "CivilRegistry:Http:Url must be an absolute http(s) URL when CivilRegistry:Provider is 'Http'")
            .Validate(o => o.Provider != CivilRegistryOptions.HttpProvider || !string.IsNullOrWhiteSpace(o.Http.ApiKey),
                "CivilRegistry:Http:ApiKey must be set when CivilRegistry:Provider is 'Http'")
            .Validate(o => IsGatewayTimeout(o.Http.Timeout), "CivilRegistry:Http:Timeout must be between 00:00:01 and 00:05:00")
            .Validate(o => o.Http.CacheDuration >= TimeSpan.Zero && o.Http.CacheDuration <= TimeSpan.FromHours(1),
                "CivilRegistry:Http:CacheDuration must be between 00:00:00 and 01:00:00")
            .ValidateOnStart();

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.RetentionHours is >= 1 and <= 720, "Idempotency:RetentionHours must be between 1 and 720")
            .ValidateOnStart();

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.RetentionDays is >= 1 and <= 365, "Outbox:RetentionDays must be between 1 and 365")
            .ValidateOnStart();

        return services;
    }

    private static bool IsWorkingDays(int days) => days is >= 1 and <= 60;

    private static bool IsRetentionMonths(int months) => months is >= AuditRetentionOptions.MinimumMonths and <= AuditRetentionOptions.MaximumMonths;

    private static bool IsGatewayTimeout(TimeSpan timeout) => timeout >= TimeSpan.FromSeconds(1) && timeout <= TimeSpan.FromMinutes(5);

    private static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Unless Development may generate them, every key must be configured and well-formed: signing,
    /// hash, and the personal-data and lookup key sets (their ids, sizes and active key).
    /// </summary>
    private sealed class ConfiguredKeysValidation(IHostEnvironment environment) : IValidateOptions<SecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        {
            if (environment.IsDevelopment() && options.GenerateMissingKeys)
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                KeyRing.RequireConfiguredKeys(options);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message.StartsWith("Security:SigningKeys", StringComparison.Ordinal)
                    ? $"{exception.Message} (make one: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)"
                    : $"{exception.Message} (make a key: openssl rand -base64 32)");
            }
        }
    }
}
