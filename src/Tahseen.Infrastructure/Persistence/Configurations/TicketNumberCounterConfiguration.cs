using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class TicketNumberCounterConfiguration : IEntityTypeConfiguration<TicketNumberCounter>
{
    public void Configure(EntityTypeBuilder<TicketNumberCounter> builder)
    {
        builder.ToTable(TicketNumberCounter.Table);
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
