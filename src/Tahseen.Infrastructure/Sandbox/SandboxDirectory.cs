using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Infrastructure.CivilRegistry;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sandbox;

internal sealed class SandboxDirectory(TahseenDbContext db, EmbeddedCivilRegistry registry, IPersonalDataLookup lookup) : ISandboxDirectory
{
    public IReadOnlyList<SandboxAccount> SeededAccounts => SandboxAccountsSeeder.Listing;

    public Task<IReadOnlyList<CivilRecord>> ListIdentitiesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(registry.All);

    public async Task<IReadOnlyList<SandboxSms>> ListSmsAsync(string? mobileNumber, int pageSize, CancellationToken cancellationToken)
    {
        var messages = db.SandboxSmsMessages.AsNoTracking();
        if (mobileNumber is not null)
        {
            messages = messages.Matching(lookup.MobileNumber(mobileNumber));
        }

        return await messages
            .OrderByDescending(m => m.CreateTime).ThenByDescending(m => m.Id)
            .Take(pageSize)
            .Select(m => new SandboxSms(m.MobileNumber, m.Body, m.CreateTime))
            .ToListAsync(cancellationToken);
    }
}
