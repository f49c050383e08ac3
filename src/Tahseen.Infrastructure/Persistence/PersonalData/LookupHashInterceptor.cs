using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Keeps each lookup-hash column in step with the sealed value beside it, in the same save, so a
/// value and its hash can never disagree.
/// </summary>
public sealed class LookupHashInterceptor(PersonalDataProtector protector) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refresh(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refresh(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Refresh(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (PersonalDataModel.LookupOf(property.Metadata) is not { } kind
                    || (entry.State != EntityState.Added && !property.IsModified))
                {
                    continue;
                }

                entry.Property(PersonalDataModel.ColumnOf(kind)).CurrentValue =
                    property.CurrentValue is string { Length: > 0 } value ? protector.LookupHash(kind, value) : null;
            }
        }
    }
}
