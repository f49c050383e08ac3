using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Common.Privacy;
using Tahseen.Infrastructure.Persistence.PersonalData;
using Tahseen.Infrastructure.Security;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class SandboxSmsMessageConfiguration : IEntityTypeConfiguration<SandboxSmsMessage>
{
    public void Configure(EntityTypeBuilder<SandboxSmsMessage> builder)
    {
        builder.ToTable("sandbox_sms_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.IsPersonalData(m => m.MobileNumber, LookupKind.MobileNumber);
        builder.IsPersonalData(m => m.Body);
        builder.HasIndex(LookupColumns.MobileNumberHash, nameof(SandboxSmsMessage.Id));
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
