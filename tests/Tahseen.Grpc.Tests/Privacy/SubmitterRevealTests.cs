using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>Need-to-know: staff see the submitter masked, reveal them whole on purpose, within a daily budget, and every reveal is audited.</summary>
public sealed class SubmitterRevealTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string HarnessEmail = "person@example.sa";
    private const string Purpose = "Calling back about the missing document";

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Staff_see_the_submitter_masked_a_reveal_shows_it_whole_is_audited_and_the_chain_check_names_an_edited_reveal()
    {
        var (citizen, identity) = await CitizenWithIdentityAsync(_kit);
        var ticket = await _kit.SubmitAsync(citizen);
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);

        var masked = (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticket.TicketId }, staff.Options())).Submitter;

        masked.Masked.Should().BeTrue();
        masked.NationalId.Should().Be($"{identity.NationalId[0]}*******{identity.NationalId[^2..]}");
        masked.MobileNumber.Should().Be($"+9665*****{identity.MobileNumber[^3..]}");
        masked.Email.Should().Be("p***@example.sa");
        masked.FullNameAr.Should().StartWith(identity.FullNameAr.Split(' ')[0]).And.NotBe(identity.FullNameAr);
        masked.FullNameEn.Should().StartWith(identity.FullNameEn.Split(' ')[0]).And.NotBe(identity.FullNameEn);

        var whole = (await _kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, staff.Options())).Submitter;

        whole.Should().BeEquivalentTo(new Submitter
        {
            FullNameAr = identity.FullNameAr,
            FullNameEn = identity.FullNameEn,
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = HarnessEmail,
            Masked = false,
        });

        var audited = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { SubjectId = ticket.TicketId }, admin.Options());
        var reveal = audited.Events.Should().ContainSingle(e => e.Action.Contains("REVEAL"), "the masked view is not audited, the reveal is").Which;
        reveal.Action.Should().Be("SUBMITTER_REVEALED");
        reveal.SubjectType.Should().Be("ticket");
        reveal.ActorAccountId.Should().Be(staff.AccountId);
        reveal.Detail.Should().Contain(Purpose);
        foreach (var secret in new[] { identity.NationalId, identity.MobileNumber[4..], HarnessEmail, identity.FullNameAr })
        {
            reveal.Detail.Should().NotContain(secret);
        }

        var intact = await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        intact.Intact.Should().BeTrue();
        intact.CheckedCount.Should().BeGreaterThanOrEqualTo(reveal.Sequence);

        await ExecuteAsync(factory, $"UPDATE audit_events SET \"Detail\" = 'purpose: nothing to see' WHERE \"Sequence\" = {reveal.Sequence}");

        var edited = await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        edited.Intact.Should().BeFalse();
        edited.FirstBrokenSequence.Should().Be(reveal.Sequence);
    }

    [Fact]
    public async Task A_retried_reveal_with_the_same_request_id_answers_again_without_a_second_audit_line()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var request = new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose, RequestId = Guid.NewGuid().ToString() };

        var first = await _kit.Staff.RevealSubmitterAsync(request, staff.Options());
        var retried = await _kit.Staff.RevealSubmitterAsync(request, staff.Options());

        retried.Should().BeEquivalentTo(first);
        var reveals = await _kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = "SUBMITTER_REVEALED", SubjectId = ticket.TicketId }, admin.Options());
        reveals.Events.Should().ContainSingle();
    }

    [Fact]
    public async Task The_citizen_still_sees_their_own_name_whole()
    {
        var (citizen, identity) = await CitizenWithIdentityAsync(_kit);

        var account = (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options())).Account;

        account.FullName.Should().Be(identity.FullNameAr);
    }

    [Fact]
    public async Task Admins_see_a_citizens_name_masked_in_the_account_list()
    {
        var (citizen, identity) = await CitizenWithIdentityAsync(_kit);
        var admin = await _kit.DeskAsync(Role.Admin);

        var accounts = await _kit.Admin.ListAccountsAsync(new ListAccountsRequest { PageSize = 100, Role = Role.Citizen }, admin.Options());

        var listed = accounts.Accounts.Should().ContainSingle(a => a.AccountId == citizen.AccountId).Which;
        listed.FullName.Should().NotBe(identity.FullNameAr).And.StartWith(identity.FullNameAr.Split(' ')[0]);
        listed.NationalIdMasked.Should().NotContain(identity.NationalId[1..8]);
    }

    [Theory]
    [InlineData("", "purpose", "FIELD_REQUIRED")]
    [InlineData("   ", "purpose", "FIELD_REQUIRED")]
    [InlineData("not-an-id", "ticket_id", "FIELD_INVALID")]
    public async Task A_reveal_needs_a_ticket_and_a_purpose(string purpose, string field, string reason)
    {
        var staff = await _kit.DeskAsync();
        var ticketId = field == "ticket_id" ? "not-an-id" : Guid.NewGuid().ToString();

        var error = await _kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticketId, Purpose = purpose }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().Contain(v => v.Field == field && v.Reason == reason);
    }

    [Fact]
    public async Task Revealing_the_submitter_of_a_ticket_that_does_not_exist_is_not_found_and_spends_nothing()
    {
        var staff = await _kit.DeskAsync();

        var error = await _kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = Guid.NewGuid().ToString(), Purpose = Purpose }, staff.Options())
            .FailsWith(StatusCode.NotFound);

        error.Reason.Should().Be("TICKET_NOT_FOUND");
    }

    [Fact]
    public async Task A_citizen_cannot_reveal_anyone()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);

        var error = await _kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, citizen.Options())
            .FailsWith(StatusCode.PermissionDenied);

        error.Reason.Should().Be("FORBIDDEN");
    }

    [Fact]
    public async Task Overlapping_reveals_beyond_the_daily_budget_are_refused_exactly_at_the_budget_and_it_renews_at_Riyadh_midnight()
    {
        const int budget = 5;
        const int calls = 24;
        using var limited = new TahseenApiFactory { Configure = builder => builder.UseSetting("Privacy:RevealsPerDay", budget.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        var kit = new TicketKit(limited);
        var citizen = await kit.CitizenAsync();
        var ticket = await kit.SubmitAsync(citizen);
        var staff = await kit.DeskAsync();
        var admin = await kit.DeskAsync(Role.Admin);

        var outcomes = await Overlapping.RunAsync(calls, _ =>
            kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, staff.Options()).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = budget, ["REVEAL_LIMIT_REACHED"] = calls - budget });
        var reveals = await kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = "SUBMITTER_REVEALED", SubjectId = ticket.TicketId, PageSize = 100 }, admin.Options());
        reveals.Events.Should().HaveCount(budget);
        var refusals = await kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = "SECURITY_REVEAL_LIMIT_REACHED", SubjectId = staff.AccountId, PageSize = 100 }, admin.Options());
        refusals.Events.Should().HaveCount(calls - budget, "every refused reveal is a security event");
        var refused = await kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied);
        refused.Localized!.Message.Should().NotBeNullOrWhiteSpace();

        // 09:00 UTC is 12:00 in Riyadh; 21:00 UTC is the next Riyadh midnight.
        limited.Clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        staff = await kit.DeskAsync();
        await kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied);
        limited.Clock.Advance(TimeSpan.FromMinutes(1));
        staff = await kit.DeskAsync();
        var renewed = await kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = Purpose }, staff.Options());
        renewed.Submitter.Masked.Should().BeFalse();
        (await kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), (await kit.DeskAsync(Role.Admin)).Options())).Intact.Should().BeTrue();
    }

    private static async Task<(Caller Citizen, SandboxIdentity Identity)> CitizenWithIdentityAsync(TicketKit kit)
    {
        var (session, account, identity) = await kit.Harness.SignedInCitizenAsync();
        return (new Caller(account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken), identity);
    }

    private static async Task ExecuteAsync(TahseenApiFactory factory, string sql)
    {
        (await factory.Database.ExecuteAsync(sql)).Should().Be(1);
    }
}
