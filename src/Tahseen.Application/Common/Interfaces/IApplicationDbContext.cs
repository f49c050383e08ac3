using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tahseen.Domain.Audit;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Privacy;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// What use cases read and write through. The unit-of-work behaviour owns the transaction and the final
/// save of every command; a use case that must write before it ends asks <see cref="Behaviours.UnitOfWork"/>.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<TermsVersion> TermsVersions { get; }

    DbSet<Category> Categories { get; }

    DbSet<CannedResponse> CannedResponses { get; }

    DbSet<Holiday> Holidays { get; }

    DbSet<DueTimeRecalculationTask> DueTimeRecalculationTasks { get; }
    DbSet<StaffCategory> StaffCategories { get; }

    DbSet<Account> Accounts { get; }

    DbSet<SmsOutboxMessage> SmsOutbox { get; }

    DbSet<Captcha> Captchas { get; }

    DbSet<OtpChallenge> OtpChallenges { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<SecurityEvent> SecurityEvents { get; }

    DbSet<Session> Sessions { get; }

    DbSet<SignInThrottle> SignInThrottles { get; }

    DbSet<CodeBudget> CodeBudgets { get; }

    DbSet<RevealBudget> RevealBudgets { get; }

    /// <summary>One lock row per requester (submits), with the restriction a supervisor imposed.</summary>
    DbSet<RequesterLimit> RequesterLimits { get; }

    DbSet<Ticket> Tickets { get; }

    /// <summary>Append-only; lines added here are chained to the log when the unit of work saves.</summary>
    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<OutboxEvent> OutboxEvents { get; }

    DbSet<DataSubjectRequest> DataSubjectRequests { get; }

    /// <summary>Claimed and answered by the idempotency behaviour only.</summary>
    DbSet<IdempotentRequest> IdempotentRequests { get; }
    DbSet<ServiceAccount> ServiceAccounts { get; }

    ChangeTracker ChangeTracker { get; }

    /// <summary>For the unit-of-work behaviour's transaction and execution strategy.</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
