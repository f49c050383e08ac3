using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Common.Events;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("outbox_events");
        builder.HasKey(e => e.Cursor);

        // AUTOINCREMENT, not a plain rowid: a cursor is never handed out twice, even after the newest
        // events are purged, so a reader's saved cursor can never point at a different event.
        builder.Property(e => e.Cursor).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.LastError).HasMaxLength(OutboxEvent.MaxErrorLength);
        builder.HasIndex(e => e.EventId).IsUnique();

        // One ticket's events (WatchTicket), the dispatcher's scan of what is due.
        builder.HasIndex(e => new { e.StreamId, e.Cursor });
        builder.HasIndex(e => new { e.DispatchTime, e.DeadLetterTime, e.NextAttemptTime });
    }
}
