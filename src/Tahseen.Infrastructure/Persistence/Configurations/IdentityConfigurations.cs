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
