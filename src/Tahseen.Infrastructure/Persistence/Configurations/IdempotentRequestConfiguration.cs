using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Infrastructure.Persistence.PersonalData;

namespace Tahseen.Infrastructure.Persistence.Configurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public const string KeyIndex = "ux_idempotent_requests_account_request";

    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Operation).HasMaxLength(IdempotentRequest.MaxOperationLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);

        // An answer repeats what the command returned: a ticket's text, an account's name.
        builder.IsPersonalData(r => r.Answer);

        // The claim: of two transactions inserting one caller's request id, the second waits for the
        // first and then finds its row (or, if the first rolled back, takes the claim itself).
        builder.HasIndex(r => new { r.AccountId, r.RequestId }).IsUnique().HasDatabaseName(KeyIndex);

        // The retention purge.
        builder.HasIndex(r => r.CreateTime);
    }
}
