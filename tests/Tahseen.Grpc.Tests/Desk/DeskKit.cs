using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>Employees, categories and their links, made through the admin service as an admin would.</summary>
public sealed class DeskKit(TicketKit kit)
{
    private static int _sequence;

    public async Task<string> CategoryAsync(string name)
    {
        var admin = await kit.DeskAsync(Role.Admin);
        var unique = $"{name} {Interlocked.Increment(ref _sequence)} {Guid.NewGuid():N}";
        var created = await kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "تصنيف " + unique, NameEn = unique }, admin.Options());
        return created.Category.CategoryId;
    }

    /// <summary>A new employee's account (not signed in); <paramref name="mobile"/> must be unique to the test class.</summary>
    public async Task<Account> EmployeeAsync(string username, string mobile, params Role[] roles)
    {
        var admin = await kit.DeskAsync(Role.Admin);
        var request = new CreateStaffAccountRequest
        {
            Username = username, Password = Password(username), FullName = "Employee " + username, MobileNumber = mobile,
        };
        request.Roles.AddRange(roles.Length == 0 ? [Role.Staff] : roles);
        return (await kit.Admin.CreateStaffAccountAsync(request, admin.Options())).Account;
    }

    public async Task<Caller> SignedInAsync(Account account, string mobile)
    {
        var session = await kit.Harness.SignInAsync(account.Username, Password(account.Username), mobile);
        return new Caller(account.AccountId, mobile, Harness.Bearer(session.AccessToken), session.RefreshToken);
    }

    public async Task<Account> WorksAsync(string accountId, params string[] categoryIds)
    {
        var admin = await kit.DeskAsync(Role.Admin);
        var request = new SetStaffCategoriesRequest { AccountId = accountId, RequestId = Guid.NewGuid().ToString() };
        request.CategoryIds.AddRange(categoryIds);
        return (await kit.Admin.SetStaffCategoriesAsync(request, admin.Options())).Account;
    }

    private static string Password(string username) => "Desk2026" + new string([.. username.Where(char.IsAsciiLetterOrDigit)]);
}
