using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Notifications;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class SmsOutboxMessageConfiguration : IEntityTypeConfiguration<SmsOutboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboxMessage> builder)
    {
        builder.ToTable("sms_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MobileNumber).HasMaxLength(16);
        builder.Property(m => m.Body).HasMaxLength(SmsOutboxMessage.MaxBodyLength);
        builder.Property(m => m.LastError).HasMaxLength(500);
        // The dispatcher's scan: unsent messages that are due.
        builder.HasIndex(m => new { m.SentTime, m.AbandonTime, m.NextAttemptTime });
        // The hourly limit of one-time codes per mobile.
        builder.HasIndex(m => new { m.MobileNumber, m.Kind, m.CreateTime });
    }
}
