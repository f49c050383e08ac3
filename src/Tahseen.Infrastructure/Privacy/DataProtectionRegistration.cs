using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Privacy;

public static class DataProtectionRegistration
{
    /// <summary>Data-subject rights and the retention of ticket content: the copies port, its settings and the jobs.</summary>
    public static IServiceCollection AddDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketContentRetentionOptions>().Bind(configuration.GetSection(TicketContentRetentionOptions.SectionName))
            .Validate(
                o => o.ClosedTicketContentYears is >= TicketContentRetentionOptions.MinYears and <= TicketContentRetentionOptions.MaxYears,
                $"Retention:ClosedTicketContentYears must be between {TicketContentRetentionOptions.MinYears} and {TicketContentRetentionOptions.MaxYears}")
            .Validate(
                o => o.PrivacyJobsInterval >= TimeSpan.FromSeconds(1) && o.PrivacyJobsInterval <= TimeSpan.FromDays(1),
                "Retention:PrivacyJobsInterval must be between 00:00:01 and 1.00:00:00")
            .ValidateOnStart();
        services.AddScoped<IPersonalDataCopies, PersonalDataCopies>();
        services.AddSingleton<DataProtectionJobs>();
        services.AddHostedService<DataProtectionWorker>();
        return services;
    }
}
