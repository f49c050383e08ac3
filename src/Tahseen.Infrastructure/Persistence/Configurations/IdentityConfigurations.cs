using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence.PersonalData;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class CaptchaConfiguration : IEntityTypeConfiguration<Captcha>
{
    public void Configure(EntityTypeBuilder<Captcha> builder)
    {
        builder.ToTable("captchas");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AnswerHash).HasMaxLength(64);
        builder.IsPersonalData(c => c.SandboxAnswer);
        builder.HasIndex(c => c.ExpireTime);
    }
}

internal sealed class OtpChallengeConfiguration : IEntityTypeConfiguration<OtpChallenge>
{
    public void Configure(EntityTypeBuilder<OtpChallenge> builder)
    {
        builder.ToTable("otp_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.IsPersonalData(c => c.MobileNumber);
        builder.IsPersonalData(c => c.NationalId);
        builder.IsPersonalData(c => c.Email);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        // Wrong tries are counted by concurrent requests: the last writer must not win.
        builder.Property(c => c.WrongAttempts).IsConcurrencyToken();
        // Two concurrent resends of one challenge: the one that saves second finds the time moved and sends nothing.
        builder.Property(c => c.ResendAvailableTime).IsConcurrencyToken();
        builder.HasIndex(c => c.ExpireTime);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.SecurityStamp).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => t.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("security_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(SecurityEvent.MaxDetailLength);
        builder.HasIndex(e => new { e.AccountId, e.Time });
        builder.HasIndex(e => e.Time);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.AccountId, s.EndTime });
        builder.HasIndex(s => s.CreateTime);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.HasIndex(t => t.UpdateTime);
    }
}

internal sealed class CodeBudgetConfiguration : IEntityTypeConfiguration<CodeBudget>
{
    public void Configure(EntityTypeBuilder<CodeBudget> builder)
    {
        builder.ToTable("code_budgets");
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(64);
        builder.HasIndex(b => b.WindowStart);
    }
}

internal sealed class ServiceAccountConfiguration : IEntityTypeConfiguration<ServiceAccount>
{
    public void Configure(EntityTypeBuilder<ServiceAccount> builder)
    {
        builder.ToTable("service_accounts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClientId).HasMaxLength(ServiceAccount.MaxClientIdLength);
        builder.Property(s => s.Name).HasMaxLength(ServiceAccount.MaxNameLength);
        builder.Property(s => s.SecretHash).HasMaxLength(64);

        // Two admins rotating or disabling the same account at once: one wins, the other is told to retry,
        // so no admin walks away with a secret that was overwritten before it was ever shown.
        builder.Property(s => s.CredentialId).IsConcurrencyToken();
        builder.HasIndex(s => s.ClientId).IsUnique();
    }
}

internal sealed class RevealBudgetConfiguration : IEntityTypeConfiguration<RevealBudget>
{
    public void Configure(EntityTypeBuilder<RevealBudget> builder)
    {
        builder.ToTable("reveal_budgets");

        // The key is what makes a day's first reveal safe: two overlapping first inserts cannot both win.
        builder.HasKey(b => new { b.AccountId, b.Day });
        builder.HasIndex(b => b.Day);
    }
}
