using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sandbox;

internal sealed class SandboxDirectory(TahseenDbContext db) : ISandboxDirectory
{
    public IReadOnlyList<SandboxAccount> SeededAccounts => SandboxAccountsSeeder.Listing;

    public async Task<IReadOnlyList<CivilRecord>> ListIdentitiesAsync(CancellationToken cancellationToken) =>
        (await db.RegistryPersons.AsNoTracking().OrderBy(p => p.NationalId).ToListAsync(cancellationToken))
            .Select(p => p.ToRecord())
            .ToList();

    public async Task<IReadOnlyList<SandboxSms>> ListSmsAsync(string? mobileNumber, int pageSize, CancellationToken cancellationToken) =>
        await db.SandboxSmsMessages.AsNoTracking()
            .Where(m => mobileNumber == null || m.MobileNumber == mobileNumber)
            .OrderByDescending(m => m.CreateTime).ThenByDescending(m => m.Id)
            .Take(pageSize)
            .Select(m => new SandboxSms(m.MobileNumber, m.Body, m.CreateTime))
            .ToListAsync(cancellationToken);
}
