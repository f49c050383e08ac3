using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.NameAr).HasMaxLength(Category.MaxNameLength);
        builder.Property(c => c.NameEn).HasMaxLength(Category.MaxNameLength);
        builder.HasIndex(c => c.NameAr).IsUnique();
        builder.HasIndex(c => c.NameEn).IsUnique();
        builder.Property(c => c.AutoAssignCount).HasDefaultValue(0L);
    }
}

internal sealed class StaffCategoryConfiguration : IEntityTypeConfiguration<StaffCategory>
{
    public void Configure(EntityTypeBuilder<StaffCategory> builder)
    {
        builder.ToTable("staff_categories");
        builder.HasKey(s => new { s.AccountId, s.CategoryId });
        builder.HasOne<Domain.Identity.Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // Who works a category: the candidates for a new ticket of it.
        builder.HasIndex(s => s.CategoryId);
    }
}
