using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>The unit of work use cases read and write through; one call to SaveChangesAsync is one transaction.</summary>
public interface IApplicationDbContext
{
    DbSet<TermsVersion> TermsVersions { get; }

    DbSet<Category> Categories { get; }

    DbSet<Account> Accounts { get; }

    DbSet<SmsOutboxMessage> SmsOutbox { get; }

    DbSet<Captcha> Captchas { get; }

    DbSet<OtpChallenge> OtpChallenges { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<SecurityEvent> SecurityEvents { get; }

    DbSet<Session> Sessions { get; }

    DbSet<SignInThrottle> SignInThrottles { get; }

    DbSet<CodeBudget> CodeBudgets { get; }

    DbSet<Ticket> Tickets { get; }

    /// <summary>For the few writes that span more than one statement, such as numbering and storing a new ticket.</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
