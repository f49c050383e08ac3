using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure.Sandbox;

/// <summary>
/// Sandbox only: Civil Affairs staff and an admin with known passwords, so a harness can work the
/// case-work desk. Their mobiles are outside the sample registry's range.
/// </summary>
internal sealed class SandboxAccountsSeeder(
    IOptions<SandboxOptions> sandbox, Application.Common.Interfaces.IPasswordHasher passwords, TimeProvider clock) : IDataSeeder
{
    public static readonly IReadOnlyList<(string Username, string Password, string FullName, string Mobile, AccountRoles Roles)> Accounts =
    [
        ("staff.noura", "Desk2026noura", "نورة سعد الحربي", "+966590000101", AccountRoles.Staff),
        ("staff.khalid", "Desk2026khalid", "خالد عبدالعزيز الشهري", "+966590000102", AccountRoles.Staff),
        ("admin.fahad", "Admin2026fahad", "فهد ناصر العنزي", "+966590000103", AccountRoles.Admin | AccountRoles.Staff),
    ];

    public int Order => 3;

    public static IReadOnlyList<SandboxAccount> Listing { get; } = Accounts
        .Select(a => new SandboxAccount(a.Username, a.Password, string.Empty, a.Mobile, RoleNames.Of(a.Roles).ToList()))
        .ToList();

    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        if (!sandbox.Value.Enabled)
        {
            // The inbox holds what was "sent" to people; it has no reason to outlive the sandbox.
            await db.SandboxSmsMessages.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        foreach (var (username, password, fullName, mobile, roles) in Accounts)
        {
            var name = Username.Parse(username);
            if (await db.Accounts.AnyAsync(a => a.NormalizedUsername == name.Normalized, cancellationToken))
            {
                continue;
            }

            PasswordPolicy.Default.Enforce(password, username, null);
            db.Accounts.Add(Account.CreateSandboxStaff(name, fullName, MobileNumber.Parse(mobile), passwords.Hash(password), roles, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
