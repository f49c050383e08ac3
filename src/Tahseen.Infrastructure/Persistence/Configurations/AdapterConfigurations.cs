using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Infrastructure.CivilRegistry;
using Tahseen.Infrastructure.Security;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class RegistryPersonConfiguration : IEntityTypeConfiguration<RegistryPerson>
{
    public void Configure(EntityTypeBuilder<RegistryPerson> builder)
    {
        builder.ToTable("registry_persons");
        builder.HasKey(p => p.NationalId);
        builder.Property(p => p.NationalId).HasMaxLength(10);
        builder.Property(p => p.FullNameAr).HasMaxLength(200);
        builder.Property(p => p.FullNameEn).HasMaxLength(200);
        builder.Property(p => p.MobileNumber).HasMaxLength(16);
    }
}

internal sealed class SandboxSmsMessageConfiguration : IEntityTypeConfiguration<SandboxSmsMessage>
{
    public void Configure(EntityTypeBuilder<SandboxSmsMessage> builder)
    {
        builder.ToTable("sandbox_sms_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.MobileNumber).HasMaxLength(16);
        builder.Property(m => m.Body).HasMaxLength(Domain.Notifications.SmsOutboxMessage.MaxBodyLength);
        builder.HasIndex(m => new { m.MobileNumber, m.Id });
        builder.HasIndex(m => m.Reference).IsUnique();
    }
}

internal sealed class StoredSecretConfiguration : IEntityTypeConfiguration<StoredSecret>
{
    public void Configure(EntityTypeBuilder<StoredSecret> builder)
    {
        builder.ToTable("stored_secrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(128);
    }
}
