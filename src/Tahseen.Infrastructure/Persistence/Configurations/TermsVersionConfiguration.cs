using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class TermsVersionConfiguration : IEntityTypeConfiguration<TermsVersion>
{
    public void Configure(EntityTypeBuilder<TermsVersion> builder)
    {
        builder.ToTable("terms_versions");
        builder.HasKey(t => t.Version);
        builder.Property(t => t.Version).HasMaxLength(32);
        builder.HasIndex(t => t.PublishTime);
        builder.OwnsMany(t => t.Clauses, clause =>
        {
            clause.ToTable("terms_clauses");
            clause.WithOwner().HasForeignKey("TermsVersion");
            clause.HasKey("TermsVersion", nameof(TermsClause.Position));
            clause.Property(c => c.TextAr).HasMaxLength(2000);
            clause.Property(c => c.TextEn).HasMaxLength(2000);
        });
        builder.Navigation(t => t.Clauses).HasField("_clauses");
    }
}
