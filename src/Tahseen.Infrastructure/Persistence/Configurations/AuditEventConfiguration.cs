using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Audit;
using Tahseen.Infrastructure.Audit;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");

        // The sequence is assigned by the writer that holds the write lock, and it is unique: two
        // writers that both tried to append line N could not both succeed, so the chain cannot fork.
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.MaxActionLength);
        builder.Property(e => e.SubjectType).HasMaxLength(32);
        builder.Property(e => e.SubjectId).HasMaxLength(AuditEvent.MaxSubjectLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.MaxDetailLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Ignore(e => e.IsLinked);
        builder.HasIndex(e => e.Time);
        builder.HasIndex(e => new { e.ActorAccountId, e.Sequence });
        builder.HasIndex(e => new { e.SubjectId, e.Sequence });
        builder.HasIndex(e => new { e.Action, e.Sequence });
    }
}

internal sealed class AuditChainLockConfiguration : IEntityTypeConfiguration<AuditChainLock>
{
    public void Configure(EntityTypeBuilder<AuditChainLock> builder)
    {
        builder.ToTable(AuditChainLock.Table);
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasData(new AuditChainLock { Id = 1, Takes = 0 });
    }
}

internal sealed class AuditChainAnchorConfiguration : IEntityTypeConfiguration<AuditChainAnchor>
{
    public void Configure(EntityTypeBuilder<AuditChainAnchor> builder)
    {
        builder.ToTable(AuditChainAnchor.Table);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasData(new AuditChainAnchor { Id = 1, Sequence = 0, Hash = AuditEvent.GenesisHash });
    }
}
