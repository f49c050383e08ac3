using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;
using Tahseen.Infrastructure.Persistence.PersonalData;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public const string OpenErasureIndex = "ux_data_subject_requests_open_erasure";

    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("data_subject_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // The person's own words may name people or carry an identity: sealed like any personal data.
        builder.IsPersonalData(r => r.Reason);
        builder.Property(r => r.ExtensionReason).HasMaxLength(DataSubjectRequest.MaxReasonLength);
        // Two admins extending at once: the update applies only to the request as it was read.
        builder.Property(r => r.ExtendTime).IsConcurrencyToken();
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);

        // One open erasure per account, however many requests race: a partial unique index. The filter
        // names the enum values, which are stored as integers.
        builder.HasIndex(r => r.AccountId)
            .IsUnique()
            .HasFilter($"\"{nameof(DataSubjectRequest.Kind)}\" = {(int)DataSubjectRequestKind.Erasure} AND \"{nameof(DataSubjectRequest.Status)}\" <> {(int)DataSubjectRequestStatus.Completed}")
            .HasDatabaseName(OpenErasureIndex);
        // The admin list (open first, by due time) and the erasure job's scan.
        builder.HasIndex(r => new { r.Status, r.DueTime });
        builder.HasIndex(r => new { r.Kind, r.Status });
    }
}
