using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("holidays");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.NameAr).HasMaxLength(Holiday.MaxNameLength);
        builder.Property(h => h.NameEn).HasMaxLength(Holiday.MaxNameLength);
        builder.HasIndex(h => h.StartDate);
    }
}

internal sealed class DueTimeRecalculationTaskConfiguration : IEntityTypeConfiguration<DueTimeRecalculationTask>
{
    public void Configure(EntityTypeBuilder<DueTimeRecalculationTask> builder)
    {
        builder.ToTable("due_time_recalculation_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.HolidaysBefore).HasMaxLength(20_000);
        builder.Property(t => t.AfterReferenceNumber).HasMaxLength(32);
        builder.HasIndex(t => new { t.CompleteTime, t.CreateTime });
    }
}
