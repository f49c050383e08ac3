using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Identity;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>Taking the admin role away never leaves no active admin, however the calls overlap.</summary>
public sealed class LastAdminRolesTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const int CallsEach = 10;
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Two_admins_removing_each_others_admin_role_at_once_leave_exactly_one_admin()
    {
        var seeded = await _kit.DeskAsync(Role.Admin);
        var other = (await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "roles.admin",
            Password = "Admin2026roles",
            FullName = "Roles Admin",
            MobileNumber = "+966590000611",
            Roles = { Role.Admin },
        }, seeded.Options())).Account;
        var session = await _kit.Harness.SignInAsync("roles.admin", "Admin2026roles", "+966590000611");
        var pair = new (string AccountId, Metadata Headers)[] { (seeded.AccountId, seeded.Headers), (other.AccountId, Harness.Bearer(session.AccessToken)) };

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, CallsEach * 2).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await _kit.Admin.SetAccountRolesAsync(
                    new SetAccountRolesRequest { AccountId = pair[(i + 1) % 2].AccountId, Roles = { Role.Staff } }, pair[i % 2].Headers);
                return "OK";
            }
            catch (RpcException exception)
            {
                return GrpcError.From(exception).Reason ?? exception.StatusCode.ToString();
            }
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(calls);

        // The loser is refused by the check (LAST_ADMIN) or, once the winner's change committed, by its own
        // lost admin role (FORBIDDEN); repeats of the winner's call change nothing more.
        outcomes.Should().OnlyContain(o => o == "OK" || o == "LAST_ADMIN" || o == "FORBIDDEN" || o == "CONCURRENT_UPDATE");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var admins = await db.Accounts
            .Where(a => (a.Roles & AccountRoles.Admin) == AccountRoles.Admin && a.Status == Domain.Identity.AccountStatus.Active)
            .Select(a => a.Id).ToListAsync();
        admins.Should().ContainSingle("outcomes: {0}", string.Join(", ", outcomes));
        var demoted = pair.Select(p => Guid.Parse(p.AccountId)).Single(id => id != admins[0]);
        (await db.Accounts.SingleAsync(a => a.Id == demoted)).Roles.Should().Be(AccountRoles.Staff);

        // The one admin left may not take its own admin role either.
        var survivor = pair.Single(p => Guid.Parse(p.AccountId) == admins[0]);
        var error = await _kit.Admin.SetAccountRolesAsync(
            new SetAccountRolesRequest { AccountId = survivor.AccountId, Roles = { Role.Staff, Role.Supervisor } }, survivor.Headers)
            .FailsWith(StatusCode.FailedPrecondition);
        error.Reason.Should().Be("LAST_ADMIN");
        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), survivor.Headers)).Account.Roles.Should().Contain(Role.Admin);
    }
}
