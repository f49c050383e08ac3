using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Identity;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;
using AccountStatus = Tahseen.Contracts.V1.AccountStatus;

namespace Tahseen.Grpc.Tests.Hardening;

public sealed class LastAdminTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const int CallsEach = 10;
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Two_admins_disabling_each_other_at_once_leave_exactly_one_active_admin()
    {
        var seeded = await _kit.DeskAsync(Role.Admin);
        var other = (await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "race.admin",
            Password = "Admin2026race",
            FullName = "Race Admin",
            MobileNumber = "+966590000501",
            Roles = { Role.Admin },
        }, seeded.Options())).Account;
        var session = await _kit.Harness.SignInAsync("race.admin", "Admin2026race", "+966590000501");
        var pair = new (string AccountId, Metadata Headers)[] { (seeded.AccountId, seeded.Headers), (other.AccountId, Harness.Bearer(session.AccessToken)) };
        var admins = Enumerable.Range(0, CallsEach * 2).Select(i => pair[i % 2]).ToList();

        // The two admins try to disable each other, many times at once behind one gate. One after the
        // other, the second would be refused (its caller is gone, or its target is the last admin); at
        // once, a read-then-write check lets both win and leaves nobody to administer the service.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = admins.Select((caller, i) => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await _kit.Admin.SetAccountStatusAsync(new SetAccountStatusRequest
                {
                    AccountId = pair[(i + 1) % 2].AccountId,
                    Status = AccountStatus.Disabled,
                    Reason = "race",
                }, caller.Headers);
                return "OK";
            }
            catch (RpcException exception)
            {
                return GrpcError.From(exception).Reason ?? exception.StatusCode.ToString();
            }
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        outcomes.Should().OnlyContain(o => o == "OK" || o == "LAST_ADMIN" || o == "TOKEN_INVALID" || o == "CONCURRENT_UPDATE");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var activeAdmins = await db.Accounts.CountAsync(a => (a.Roles & AccountRoles.Admin) == AccountRoles.Admin && a.Status == Domain.Identity.AccountStatus.Active);
        activeAdmins.Should().Be(1, "outcomes: {0}", string.Join(", ", outcomes));
    }
}
