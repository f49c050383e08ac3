using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;
using SecurityEventKind = Tahseen.Domain.Identity.SecurityEventKind;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed class AccountAdminTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task An_admin_creates_a_staff_account_that_signs_in_and_works_the_queue()
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        var account = (await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "staff.huda",
            Password = "Desk2026huda",
            FullName = "هدى محمد القحطاني",
            MobileNumber = "0590000201",
            Roles = { Role.Staff },
        }, admin.Options())).Account;

        account.Should().Match<Account>(a => a.Username == "staff.huda" && a.Status == AccountStatus.Active
            && a.PersonKind == PersonKind.Unspecified && a.NationalIdMasked == string.Empty && a.MaskedMobile == "+9665*****201");
        account.Roles.Should().Equal(Role.Staff);
        var session = await _kit.Harness.SignInAsync("staff.huda", "Desk2026huda", "+966590000201");
        await _kit.Staff.ListTicketsAsync(new ListTicketsRequest(), Harness.Bearer(session.AccessToken));
    }

    [Fact]
    public async Task A_staff_account_keeps_every_password_rule_and_a_unique_username()
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        var weak = await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "staff.omar", Password = "OMAR", FullName = "عمر", MobileNumber = "12345", Roles = { Role.Citizen },
        }, admin.Options()).FailsWith(StatusCode.InvalidArgument);
        weak.BadRequest!.FieldViolations.Select(v => (v.Field, v.Reason)).Should().Contain(new[]
        {
            ("password", "PASSWORD_TOO_SHORT"), ("password", "PASSWORD_NEEDS_LOWERCASE"), ("password", "PASSWORD_NEEDS_DIGIT"),
            ("mobile_number", "MOBILE_INVALID"), ("roles", "FIELD_INVALID"),
        });

        var taken = await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "STAFF.NOURA", Password = "Welcome2026desk", FullName = "نورة", MobileNumber = "0590000202", Roles = { Role.Staff },
        }, admin.Options()).FailsWith(StatusCode.AlreadyExists);
        taken.Reason.Should().Be("USERNAME_TAKEN");
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_until_it_is_activated_again()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var citizen = await _kit.CitizenAsync();

        var disabled = await _kit.Admin.SetAccountStatusAsync(new SetAccountStatusRequest
        {
            AccountId = citizen.AccountId, Status = AccountStatus.Disabled, Reason = "Abusive messages.",
        }, admin.Options());

        disabled.Account.Status.Should().Be(AccountStatus.Disabled);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().SecurityEvents
                .Where(e => e.AccountId == Guid.Parse(citizen.AccountId) && e.Kind == SecurityEventKind.AccountStatusChanged)
                .ToListAsync();
            audit.Should().ContainSingle().Which.Detail.Should().Be($"Disabled by {admin.AccountId}: Abusive messages.");
        }

        (await _kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
        await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest(), citizen.Options()).FailsWith(StatusCode.Unauthenticated);

        var active = await _kit.Admin.SetAccountStatusAsync(
            new SetAccountStatusRequest { AccountId = citizen.AccountId, Status = AccountStatus.Active }, admin.Options());
        active.Account.Status.Should().Be(AccountStatus.Active);
    }

    [Fact]
    public async Task Only_active_and_disabled_can_be_set_and_only_on_an_existing_account()
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        (await _kit.Admin.SetAccountStatusAsync(
                new SetAccountStatusRequest { AccountId = admin.AccountId, Status = AccountStatus.Locked }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("status");
        (await _kit.Admin.SetAccountStatusAsync(
                new SetAccountStatusRequest { AccountId = Guid.NewGuid().ToString(), Status = AccountStatus.Disabled }, admin.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("ACCOUNT_NOT_FOUND");
    }

    [Fact]
    public async Task Accounts_are_listed_a_page_at_a_time_by_role_and_status()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var citizen = await _kit.CitizenAsync();

        var staff = new List<Account>();
        var request = new ListAccountsRequest { Role = Role.Staff, PageSize = 1 };
        do
        {
            var page = await _kit.Admin.ListAccountsAsync(request, admin.Options());
            staff.AddRange(page.Accounts);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        staff.Select(a => a.AccountId).Should().OnlyHaveUniqueItems();
        staff.Should().OnlyContain(a => a.Roles.Contains(Role.Staff)).And.Contain(a => a.AccountId == admin.AccountId);
        staff.Should().NotContain(a => a.AccountId == citizen.AccountId);
        var citizens = await _kit.Admin.ListAccountsAsync(
            new ListAccountsRequest { Role = Role.Citizen, Status = AccountStatus.Active, PageSize = 100 }, admin.Options());
        citizens.Accounts.Should().Contain(a => a.AccountId == citizen.AccountId && a.NationalIdMasked.Length > 0);
        (await _kit.Admin.ListAccountsAsync(new ListAccountsRequest { Status = AccountStatus.Disabled }, admin.Options()))
            .Accounts.Should().NotContain(a => a.AccountId == citizen.AccountId);
    }
}
