using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Common.Privacy;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence.PersonalData;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public const string UsernameIndex = "ux_accounts_normalized_username";
    public const string NationalIdIndex = "ux_accounts_national_id_hash";

    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Username).HasMaxLength(Username.MaxLength);
        builder.Property(a => a.NormalizedUsername).HasMaxLength(Username.MaxLength);
        builder.IsPersonalData(a => a.NationalId, LookupKind.NationalId);
        builder.IsPersonalData(a => a.FullName);
        builder.IsPersonalData(a => a.FullNameEn);
        builder.IsPersonalData(a => a.MobileNumber, LookupKind.MobileNumber);
        builder.IsPersonalData(a => a.Email, LookupKind.Email);
        builder.Property(a => a.PasswordHash).HasMaxLength(256);
        builder.Property(a => a.TermsVersion).HasMaxLength(32);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.Ignore(a => a.IsStaff);

        // The unique indexes, not a check before insert, keep one account per identity and per
        // username when two requests race. The identity is sealed at rest, so its keyed hash is unique.
        builder.HasIndex(a => a.NormalizedUsername).IsUnique().HasDatabaseName(UsernameIndex);
        builder.HasIndex(LookupColumns.NationalIdHash).IsUnique().HasDatabaseName(NationalIdIndex);
        builder.HasIndex(LookupColumns.MobileNumberHash);
        builder.HasIndex(a => new { a.Roles, a.Status, a.CreateTime });
    }
}
