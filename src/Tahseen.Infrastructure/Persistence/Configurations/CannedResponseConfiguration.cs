using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("canned_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TitleAr).HasMaxLength(CannedResponse.MaxTitleLength);
        builder.Property(r => r.TitleEn).HasMaxLength(CannedResponse.MaxTitleLength);
        builder.Property(r => r.BodyAr).HasMaxLength(TicketLimits.Body);
        builder.Property(r => r.BodyEn).HasMaxLength(TicketLimits.Body);
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Active, r.CategoryId, r.Type });
    }
}
