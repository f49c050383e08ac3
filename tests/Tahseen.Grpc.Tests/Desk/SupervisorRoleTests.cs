using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using SecurityEventKind = Tahseen.Domain.Identity.SecurityEventKind;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>
/// ROLE_SUPERVISOR holds every staff right; SetAccountRoles changes an employee's roles, audited, never
/// leaving no active admin, and the change applies to the account's next call without a new sign-in.
/// </summary>
public sealed class SupervisorRoleTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private readonly TicketKit _kit = new(factory);

    private async Task<(Account Account, Caller Caller)> EmployeeAsync(string username, string mobile, params Role[] roles)
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var password = "Desk2026" + username.Replace(".", string.Empty, StringComparison.Ordinal);
        var request = new CreateStaffAccountRequest { Username = username, Password = password, FullName = "Employee " + username, MobileNumber = mobile };
        request.Roles.AddRange(roles);
        var account = (await _kit.Admin.CreateStaffAccountAsync(request, admin.Options())).Account;
        var session = await _kit.Harness.SignInAsync(username, password, mobile);
        return (account, new Caller(account.AccountId, mobile, Harness.Bearer(session.AccessToken), session.RefreshToken));
    }

    [Fact]
    public async Task A_supervisor_created_by_an_admin_may_call_every_desk_method()
    {
        var (account, supervisor) = await EmployeeAsync("sup.huda", "+966590000601", Role.Supervisor);
        account.Roles.Should().Equal(Role.Supervisor);

        var invoker = factory.CreateChannel().CreateCallInvoker();
        foreach (var descriptor in StaffTicketService.Descriptor.Methods)
        {
            // An empty request is valid bytes for every method: refused for bad input perhaps, never as FORBIDDEN.
            var unary = new Method<byte[], byte[]>(MethodType.Unary, descriptor.Service.FullName, descriptor.Name, Raw, Raw);
            descriptor.IsServerStreaming.Should().BeFalse();
            try
            {
                await invoker.AsyncUnaryCall(unary, null, supervisor.Options(), []).ResponseAsync;
            }
            catch (RpcException exception)
            {
                exception.StatusCode.Should().NotBe(StatusCode.PermissionDenied, "{0} must accept a supervisor", descriptor.Name);
                exception.StatusCode.Should().NotBe(StatusCode.Unauthenticated, "{0} must accept a supervisor", descriptor.Name);
            }
        }

        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var assigned = await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId, AssigneeAccountId = account.AccountId }, supervisor.Options());
        assigned.Ticket.AssigneeAccountId.Should().Be(account.AccountId);
    }

    [Fact]
    public async Task Roles_change_at_once_for_the_next_call_and_are_audited()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var (account, employee) = await EmployeeAsync("sup.salem", "+966590000602", Role.Staff);
        var denied = await _kit.Admin.ListAccountsAsync(new ListAccountsRequest(), employee.Options()).FailsWith(StatusCode.PermissionDenied);
        denied.Reason.Should().Be("FORBIDDEN");

        var promoted = await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest
        {
            AccountId = account.AccountId, Roles = { Role.Supervisor, Role.Admin }, RequestId = Guid.NewGuid().ToString(),
        }, admin.Options());
        promoted.Account.Roles.Should().BeEquivalentTo([Role.Supervisor, Role.Admin]);

        // The same access token, without a refresh: the account's roles are read on every call.
        await _kit.Admin.ListAccountsAsync(new ListAccountsRequest(), employee.Options());
        await _kit.Staff.ListTicketsAsync(new ListTicketsRequest(), employee.Options());

        await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = account.AccountId, Roles = { Role.Staff } }, admin.Options());
        (await _kit.Admin.ListAccountsAsync(new ListAccountsRequest(), employee.Options()).FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");

        // Nothing else ended: the session carries on, and a refreshed token carries the new roles.
        await _kit.Staff.ListTicketsAsync(new ListTicketsRequest(), employee.Options());
        var refreshed = await _kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = employee.RefreshToken });
        var me = await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(refreshed.AccessToken));
        me.Account.Roles.Should().Equal(Role.Staff);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var details = await db.SecurityEvents
            .Where(e => e.AccountId == Guid.Parse(account.AccountId) && e.Kind == SecurityEventKind.AccountRolesChanged)
            .Select(e => e.Detail).ToListAsync();
        details.Should().BeEquivalentTo([$"Staff -> Admin, Supervisor by {admin.AccountId}", $"Admin, Supervisor -> Staff by {admin.AccountId}"]);
        var audit = await _kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = "ACCOUNT_ROLES_CHANGED", SubjectId = account.AccountId, PageSize = 10 }, admin.Options());
        audit.Events.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_answers_the_first_result()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var (account, _) = await EmployeeAsync("sup.retry", "+966590000603", Role.Staff);
        var request = new SetAccountRolesRequest { AccountId = account.AccountId, Roles = { Role.Supervisor }, RequestId = Guid.NewGuid().ToString() };

        var first = await _kit.Admin.SetAccountRolesAsync(request, admin.Options());
        var again = await _kit.Admin.SetAccountRolesAsync(request, admin.Options());
        again.Should().Be(first);

        var other = request.Clone();
        other.Roles.Clear();
        other.Roles.Add(Role.Staff);
        (await _kit.Admin.SetAccountRolesAsync(other, admin.Options()).FailsWith(StatusCode.AlreadyExists)).Reason.Should().Be("REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task Citizens_service_accounts_and_bad_roles_are_refused_with_a_reason()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var citizen = await _kit.CitizenAsync();
        (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = citizen.AccountId, Roles = { Role.Staff } }, admin.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("ACCOUNT_NOT_STAFF");

        var service = await _kit.Admin.CreateServiceAccountAsync(new CreateServiceAccountRequest { Name = "Roles check", Scopes = { "tickets.read" } }, admin.Options());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().ServiceAccounts
                .Where(s => s.ClientId == service.ServiceAccount.ClientId).Select(s => s.Id).SingleAsync();
            (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = id.ToString(), Roles = { Role.Staff } }, admin.Options())
                .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("ACCOUNT_NOT_STAFF");
        }

        var staff = await _kit.DeskAsync();
        (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = staff.AccountId, Roles = { Role.Citizen } }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("FIELD_INVALID");
        (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = staff.AccountId }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("FIELD_REQUIRED");
        (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = Guid.NewGuid().ToString(), Roles = { Role.Staff } }, admin.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("ACCOUNT_NOT_FOUND");
        (await _kit.Admin.SetAccountRolesAsync(new SetAccountRolesRequest { AccountId = staff.AccountId, Roles = { Role.Supervisor } }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
    }
}
