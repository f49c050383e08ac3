using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public const string UsernameIndex = "ux_accounts_normalized_username";
    public const string NationalIdIndex = "ux_accounts_national_id";

    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Username).HasMaxLength(Username.MaxLength);
        builder.Property(a => a.NormalizedUsername).HasMaxLength(Username.MaxLength);
        builder.Property(a => a.NationalId).HasMaxLength(10);
        builder.Property(a => a.FullName).HasMaxLength(Account.MaxFullNameLength);
        builder.Property(a => a.MobileNumber).HasMaxLength(16);
        builder.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.PasswordHash).HasMaxLength(256);
        builder.Property(a => a.TermsVersion).HasMaxLength(32);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.Ignore(a => a.IsStaff);

        // The unique indexes, not a check before insert, keep one account per identity and per
        // username when two requests race.
        builder.HasIndex(a => a.NormalizedUsername).IsUnique().HasDatabaseName(UsernameIndex);
        builder.HasIndex(a => a.NationalId).IsUnique().HasDatabaseName(NationalIdIndex);
        builder.HasIndex(a => new { a.Roles, a.Status, a.CreateTime });
    }
}
