using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence.PersonalData;
using Tahseen.Infrastructure.Security;
using Tahseen.Infrastructure.Sms;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Privacy;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence;

public sealed class TahseenDbContext(DbContextOptions<TahseenDbContext> options, PersonalDataProtector protector, ICurrentUser? caller = null)
    : DbContext(options), IApplicationDbContext
{
    /// <summary>Who the audit lines of this context's saves name (null for the system: jobs, seeding, migrations).</summary>
    public ICurrentUser? Caller => caller;

    /// <summary>What a save carries between the audit interceptor's steps; the interceptor itself is shared.</summary>
    internal Audit.AuditChainInterceptor.SaveState AuditState { get; } = new();

    /// <summary>Seals and opens personal data at the edge of the database (see <see cref="PersonalDataModel"/>).</summary>
    public PersonalDataProtector Protector => protector;

    public DbSet<TermsVersion> TermsVersions => Set<TermsVersion>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<DueTimeRecalculationTask> DueTimeRecalculationTasks => Set<DueTimeRecalculationTask>();
    public DbSet<StaffCategory> StaffCategories => Set<StaffCategory>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<SmsOutboxMessage> SmsOutbox => Set<SmsOutboxMessage>();

    public DbSet<Captcha> Captchas => Set<Captcha>();

    public DbSet<OtpChallenge> OtpChallenges => Set<OtpChallenge>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<CodeBudget> CodeBudgets => Set<CodeBudget>();

    public DbSet<RevealBudget> RevealBudgets => Set<RevealBudget>();

    public DbSet<RequesterLimit> RequesterLimits => Set<RequesterLimit>();

    public DbSet<SandboxSmsMessage> SandboxSmsMessages => Set<SandboxSmsMessage>();

    public DbSet<StoredSecret> StoredSecrets => Set<StoredSecret>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<ServiceAccount> ServiceAccounts => Set<ServiceAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TahseenDbContext).Assembly);
        modelBuilder.SealPersonalData(protector);
        if (Database.IsNpgsql())
        {
            // PostgreSQL stores strings as text (varchar(n) is no faster, only a second place for limits
            // the validators already keep); sealed personal data is ciphertext, longer than the clear text.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.ClrType == typeof(string)))
            {
                property.SetMaxLength(null);
            }

            // Event payloads are JSON the database can index and query (jsonb); the cursor is an identity
            // column whose values a trigger hands out in commit order (see OutboxGapSafety).
            modelBuilder.Entity<OutboxEvent>(outbox =>
            {
                outbox.Property(e => e.Payload).HasColumnType("jsonb");
                outbox.Property(e => e.Snapshot).HasColumnType("jsonb");
            });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and cannot order or compare DateTimeOffset values; a UTC DateTime is
        // stored as ISO-8601 text that sorts and compares correctly. PostgreSQL keeps timestamptz, which
        // holds an instant and accepts only offset zero: a Riyadh time is written as the same instant in UTC.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        }
    }
}
