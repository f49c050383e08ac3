using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>The default civil registry adapter: the shipped sample persons, loaded into the database at first start.</summary>
public sealed class EmbeddedCivilRegistry(TahseenDbContext db) : ICivilRegistry
{
    public async Task<CivilRecord?> FindAsync(NationalId nationalId, CancellationToken cancellationToken)
    {
        var person = await db.RegistryPersons.AsNoTracking()
            .FirstOrDefaultAsync(p => p.NationalId == nationalId.Value, cancellationToken);
        return person?.ToRecord();
    }
}
