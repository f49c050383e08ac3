using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Common.Privacy;
using Tahseen.Domain.Notifications;
using Tahseen.Infrastructure.Persistence.PersonalData;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class SmsOutboxMessageConfiguration : IEntityTypeConfiguration<SmsOutboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboxMessage> builder)
    {
        builder.ToTable("sms_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.IsPersonalData(m => m.MobileNumber, LookupKind.MobileNumber);
        builder.IsPersonalData(m => m.Body);
        builder.Property(m => m.LastError).HasMaxLength(500);
        // The dispatcher's scan: unsent messages that are due.
        builder.HasIndex(m => new { m.SentTime, m.AbandonTime, m.NextAttemptTime });
        // The hourly limit of one-time codes per mobile.
        builder.HasIndex(LookupColumns.MobileNumberHash, nameof(SmsOutboxMessage.Kind), nameof(SmsOutboxMessage.CreateTime));
    }
}
