using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public const string ReferenceNumberIndex = "ux_tickets_reference_number";

    private const int DisplayNameLength = Account.MaxFullNameLength;

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ReferenceNumber).HasMaxLength(20);
        builder.Property(t => t.Subject).HasMaxLength(TicketLimits.Subject);
        builder.Property(t => t.Description).HasMaxLength(TicketLimits.Body);
        builder.Property(t => t.AssigneeDisplayName).HasMaxLength(DisplayNameLength);

        // Every change increments the version, and an update only applies to the version it read: two
        // staff members acting at once cannot overwrite each other.
        builder.Property(t => t.Version).IsConcurrencyToken();

        // Raised events leave through the outbox, not as columns of the ticket.
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.Appeal);
        builder.Ignore(t => t.SettledByAccountId);
        builder.Property(t => t.AppealReason).HasMaxLength(TicketLimits.Reason);

        // The escalation job's look-up: open tickets by due time, and the escalated filter.
        builder.HasIndex(t => t.Escalated);

        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.SubmitterAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AssigneeAccountId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(t => t.ReferenceNumber).IsUnique().HasDatabaseName(ReferenceNumberIndex);
        // The staff queue (by status, soonest due first), a citizen's list (newest first), one person's work.
        builder.HasIndex(t => new { t.Status, t.DueTime });
        builder.HasIndex(t => t.DueTime);
        builder.HasIndex(t => new { t.SubmitterAccountId, t.CreateTime });
        builder.HasIndex(t => t.AssigneeAccountId);
        // Statistics select by create time; the auto-close job by resolve time.
        builder.HasIndex(t => t.CreateTime);
        builder.HasIndex(t => new { t.Status, t.ResolveTime });
        // The follow-up job finds suggestions under study whose day has come.
        builder.HasIndex(t => new { t.Status, t.FollowUpDate });
        // Appeal figures select by lodge time.
        builder.HasIndex(t => t.AppealLodgeTime);

        builder.OwnsOne(t => t.Rating, rating =>
        {
            rating.Property(r => r.Score).HasColumnName("RatingScore");
            rating.Property(r => r.Comment).HasColumnName("RatingComment").HasMaxLength(TicketLimits.Reason);
            rating.Property(r => r.CreateTime).HasColumnName("RatingCreateTime");
        });

        builder.OwnsMany(t => t.Messages, message =>
        {
            message.ToTable("ticket_messages");
            message.WithOwner().HasForeignKey("TicketId");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Body).HasMaxLength(TicketLimits.Body);
            message.HasOne<CannedResponse>().WithMany().HasForeignKey(m => m.CannedResponseId).OnDelete(DeleteBehavior.Restrict);
            message.Property(m => m.MergedFromReferenceNumber).HasMaxLength(20);
            message.HasIndex("TicketId", nameof(TicketMessage.Sequence));
        });
        builder.Navigation(t => t.Messages).HasField("_messages").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(t => t.InternalNotes, note =>
        {
            note.ToTable("ticket_internal_notes");
            note.WithOwner().HasForeignKey("TicketId");
            note.HasKey(n => n.Id);
            note.Property(n => n.Id).ValueGeneratedNever();
            note.Property(n => n.AuthorDisplayName).HasMaxLength(DisplayNameLength);
            note.Property(n => n.Body).HasMaxLength(TicketLimits.Body);
            note.HasIndex("TicketId", nameof(InternalNote.Sequence));
        });
        builder.Navigation(t => t.InternalNotes).HasField("_internalNotes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(t => t.History, entry =>
        {
            entry.ToTable("ticket_history");
            entry.WithOwner().HasForeignKey("TicketId");
            entry.HasKey(h => h.Id);
            entry.Property(h => h.Id).ValueGeneratedNever();
            entry.Property(h => h.Detail).HasMaxLength(TicketLimits.Reason);
            entry.HasIndex("TicketId", nameof(TicketHistoryEntry.Sequence));
        });
        builder.Navigation(t => t.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(t => t.IsPaused);
        builder.Ignore(t => t.IsOnTheClock);
        builder.OwnsMany(t => t.Pauses, pause =>
        {
            pause.ToTable("ticket_pauses");
            pause.WithOwner().HasForeignKey("TicketId");
            // The ticket's version when the pause began names it within the ticket: one pause per change.
            pause.HasKey("TicketId", nameof(TicketPause.Sequence));
            pause.Property(p => p.Sequence).ValueGeneratedNever();
            pause.Property(p => p.Party).HasMaxLength(TicketLimits.Party);
            pause.Ignore(p => p.IsOpen);
            // Durations as ticks, a plain number on every provider, like the ticket's paused working time.
            pause.Property(p => p.WorkingDuration).HasConversion<long?>();
            pause.HasIndex(p => p.Reason);
        });
        builder.Navigation(t => t.Pauses).HasField("_pauses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(t => t.PausedWorkingTime).HasConversion<long>();
    }
}

internal sealed class RequesterLimitConfiguration : IEntityTypeConfiguration<RequesterLimit>
{
    public void Configure(EntityTypeBuilder<RequesterLimit> builder)
    {
        builder.ToTable("requester_limits");

        // The key makes a requester's first submit safe: two overlapping first inserts cannot both win.
        builder.HasKey(l => l.AccountId);
        builder.Property(l => l.RestrictionReason).HasMaxLength(RequesterLimit.MaxReasonLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
