using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Tahseen.Infrastructure.Persistence.PersonalData;

/// <summary>
/// The sealing converters hold the protector they were built with, so one model serves one
/// protector (one host); a second host in the same process (tests) builds its own.
/// </summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is TahseenDbContext tahseen
            ? (context.GetType(), tahseen.Protector, designTime)
            : (context.GetType(), designTime);
}
