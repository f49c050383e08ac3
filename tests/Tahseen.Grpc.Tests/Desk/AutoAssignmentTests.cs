using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Tickets;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;
using AccountStatus = Tahseen.Contracts.V1.AccountStatus;
using SecurityEventKind = Tahseen.Domain.Identity.SecurityEventKind;
using TicketOutcome = Tahseen.Contracts.V1.TicketOutcome;
using TicketStatus = Tahseen.Contracts.V1.TicketStatus;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>
/// Staff categories and least-loaded assignment: a new ticket goes, in its submit's transaction, to the
/// active staff member of its category with the fewest open tickets, and stays SUBMITTED.
/// </summary>
public sealed class AutoAssignmentTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private DeskKit Desk => new(_kit);

    [Fact]
    public async Task Staff_categories_are_set_shown_and_audited_and_bad_ones_are_refused()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var first = await Desk.CategoryAsync("Passports");
        var second = await Desk.CategoryAsync("Birth records");
        var employee = await Desk.EmployeeAsync("cat.amal", "+966590000701");

        var set = await Desk.WorksAsync(employee.AccountId, second, first, first);
        set.CategoryIds.Should().BeEquivalentTo([first, second]);
        var listed = await _kit.Admin.ListAccountsAsync(new ListAccountsRequest { PageSize = 100 }, admin.Options());
        listed.Accounts.Single(a => a.AccountId == employee.AccountId).CategoryIds.Should().BeEquivalentTo([first, second]);

        (await Desk.WorksAsync(employee.AccountId, second)).CategoryIds.Should().Equal(second);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            (await db.SecurityEvents.CountAsync(e => e.AccountId == Guid.Parse(employee.AccountId) && e.Kind == SecurityEventKind.StaffCategoriesChanged))
                .Should().Be(2);
        }

        var unknown = await _kit.Admin.SetStaffCategoriesAsync(
            new SetStaffCategoriesRequest { AccountId = employee.AccountId, CategoryIds = { Guid.NewGuid().ToString() } }, admin.Options()).FailsWith(StatusCode.NotFound);
        unknown.Reason.Should().Be("CATEGORY_NOT_FOUND");

        var retired = await Desk.CategoryAsync("Retired");
        var category = (await _kit.Tickets.ListCategoriesAsync(new ListCategoriesRequest(), admin.Options())).Categories.Single(c => c.CategoryId == retired);
        await _kit.Admin.UpdateCategoryAsync(new UpdateCategoryRequest { CategoryId = retired, NameAr = category.NameAr, NameEn = category.NameEn, Active = false }, admin.Options());
        var inactive = await _kit.Admin.SetStaffCategoriesAsync(
            new SetStaffCategoriesRequest { AccountId = employee.AccountId, CategoryIds = { retired } }, admin.Options()).FailsWith(StatusCode.FailedPrecondition);
        inactive.Reason.Should().Be("CATEGORY_INACTIVE");

        var malformed = await _kit.Admin.SetStaffCategoriesAsync(
            new SetStaffCategoriesRequest { AccountId = employee.AccountId, CategoryIds = { "not-an-id" } }, admin.Options()).FailsWith(StatusCode.InvalidArgument);
        malformed.Reason.Should().Be("FIELD_INVALID");

        var citizen = await _kit.CitizenAsync();
        (await _kit.Admin.SetStaffCategoriesAsync(new SetStaffCategoriesRequest { AccountId = citizen.AccountId, CategoryIds = { first } }, admin.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("ACCOUNT_NOT_STAFF");

        // Nothing of the refused calls was written.
        var after = await _kit.Admin.ListAccountsAsync(new ListAccountsRequest { PageSize = 100 }, admin.Options());
        after.Accounts.Single(a => a.AccountId == employee.AccountId).CategoryIds.Should().Equal(second);
    }

    [Fact]
    public async Task A_new_ticket_goes_to_the_least_loaded_member_ties_to_the_longest_unassigned_and_stays_submitted()
    {
        var category = await Desk.CategoryAsync("Family records");
        var members = new List<Account>();
        for (var i = 0; i < 3; i++)
        {
            var member = await Desk.EmployeeAsync($"least.{i}", $"+96659000071{i}", i == 2 ? Role.Supervisor : Role.Staff);
            await Desk.WorksAsync(member.AccountId, category);
            members.Add(member);
        }

        // Someone outside the category, and an admin without the staff role, are never chosen.
        var outsider = await Desk.EmployeeAsync("least.out", "+966590000719");
        await Desk.WorksAsync(outsider.AccountId, await Desk.CategoryAsync("Elsewhere"));

        var citizen = await _kit.CitizenAsync();
        var assignees = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
            ticket.Status.Should().Be(TicketStatus.Submitted);
            assignees.Add(ticket.AssigneeAccountId);
        }

        // Never assigned first (in any order), then the one assigned longest ago: a round robin while loads tie.
        assignees.Take(3).Should().BeEquivalentTo(members.Select(m => m.AccountId));
        assignees.Skip(3).Should().Equal(assignees.Take(3));

        var staff = await _kit.DeskAsync();
        var view = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = (await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category))).TicketId }, staff.Options());
        view.Ticket.Status.Should().Be(TicketStatus.Submitted);
        view.Ticket.AssigneeDisplayName.Should().Be($"Employee {members.Single(m => m.AccountId == view.Ticket.AssigneeAccountId).Username}");
        var assigned = view.History.Last();
        assigned.Action.Should().Be("ASSIGNED");
        assigned.ActorRole.Should().Be(Role.Unspecified);
        assigned.FromStatus.Should().Be(TicketStatus.Submitted);
        assigned.ToStatus.Should().Be(TicketStatus.Submitted);

        // One ASSIGNED event in the outbox, beside SUBMITTED, for the change feed.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        (await db.OutboxEvents.CountAsync(e => e.StreamId == Guid.Parse(view.Ticket.TicketId) && e.EventType == nameof(TicketAssigned))).Should().Be(1);
    }

    [Fact]
    public async Task Twenty_overlapping_submits_in_one_category_with_three_staff_leave_six_or_seven_each()
    {
        var category = await Desk.CategoryAsync("Race category");
        var members = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var member = await Desk.EmployeeAsync($"race.staff{i}", $"+96659000072{i}");
            await Desk.WorksAsync(member.AccountId, category);
            members.Add(member.AccountId);
        }

        var citizens = new List<Caller>();
        for (var i = 0; i < 4; i++)
        {
            citizens.Add(await _kit.CitizenAsync());
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submits = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await _kit.SubmitAsync(citizens[i % citizens.Count], TicketKit.NewTicket(categoryId: category));
        })).ToList();
        gate.SetResult();
        var tickets = await Task.WhenAll(submits);

        tickets.Should().OnlyContain(t => t.Status == TicketStatus.Submitted && members.Contains(t.AssigneeAccountId));
        var loads = tickets.GroupBy(t => t.AssigneeAccountId).ToDictionary(g => g.Key, g => g.Count());
        loads.Keys.Should().BeEquivalentTo(members);
        loads.Values.Should().OnlyContain(count => count == 6 || count == 7, "loads: {0}", string.Join(", ", loads.Values));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var stored = await db.Tickets.Where(t => t.CategoryId == Guid.Parse(category)).GroupBy(t => t.AssigneeAccountId).Select(g => g.Count()).ToListAsync();
        stored.Should().HaveCount(3).And.OnlyContain(count => count == 6 || count == 7);
    }

    [Fact]
    public async Task Nobody_working_the_category_leaves_the_ticket_in_the_queue()
    {
        var category = await Desk.CategoryAsync("Unworked");
        var disabled = await Desk.EmployeeAsync("queue.gone", "+966590000731");
        await Desk.WorksAsync(disabled.AccountId, category);
        var admin = await _kit.DeskAsync(Role.Admin);
        await _kit.Admin.SetAccountStatusAsync(new SetAccountStatusRequest { AccountId = disabled.AccountId, Status = AccountStatus.Disabled }, admin.Options());

        var ticket = await _kit.SubmitAsync(await _kit.CitizenAsync(), TicketKit.NewTicket(categoryId: category));

        ticket.AssigneeAccountId.Should().BeEmpty();
        ticket.Status.Should().Be(TicketStatus.Submitted);
    }

    [Fact]
    public async Task Disabling_a_staff_member_returns_their_open_tickets_to_the_queue_with_history_and_events()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var category = await Desk.CategoryAsync("Leaving");
        var leaving = await Desk.EmployeeAsync("queue.leaving", "+966590000741");
        await Desk.WorksAsync(leaving.AccountId, category);
        var citizen = await _kit.CitizenAsync();
        var open = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        var resolved = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        open.AssigneeAccountId.Should().Be(leaving.AccountId);
        var worker = await Desk.SignedInAsync(leaving, "+966590000741");
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = resolved.TicketId, Body = "Done.", Outcome = Tahseen.Contracts.V1.TicketOutcome.Upheld }, worker.Options());

        await _kit.Admin.SetAccountStatusAsync(new SetAccountStatusRequest { AccountId = leaving.AccountId, Status = AccountStatus.Disabled, Reason = "Left" }, admin.Options());

        var back = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = open.TicketId }, admin.Options());
        back.Ticket.AssigneeAccountId.Should().BeEmpty();
        back.Ticket.Status.Should().Be(TicketStatus.Submitted);
        var entry = back.History.Last();
        entry.Action.Should().Be("REASSIGNED");
        entry.ActorAccountId.Should().Be(admin.AccountId);
        var kept = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = resolved.TicketId }, admin.Options());
        kept.Ticket.AssigneeAccountId.Should().Be(leaving.AccountId, "a resolved ticket keeps who worked it");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        (await db.OutboxEvents.CountAsync(e => e.StreamId == Guid.Parse(open.TicketId) && e.EventType == nameof(TicketAssigned))).Should().Be(2);
    }

    [Fact]
    public async Task Assigning_a_ticket_to_someone_else_is_a_reassignment()
    {
        var category = await Desk.CategoryAsync("Handover");
        var first = await Desk.EmployeeAsync("hand.first", "+966590000751");
        await Desk.WorksAsync(first.AccountId, category);
        var ticket = await _kit.SubmitAsync(await _kit.CitizenAsync(), TicketKit.NewTicket(categoryId: category));
        var staff = await _kit.DeskAsync();

        var moved = await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId, RequestId = Guid.NewGuid().ToString() }, staff.Options());

        moved.Ticket.AssigneeAccountId.Should().Be(staff.AccountId);
        moved.Ticket.Status.Should().Be(TicketStatus.InProgress);
        moved.History.Last().Action.Should().Be("REASSIGNED");
        var again = await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        again.History.Last().Action.Should().Be("ASSIGNED", "the same assignee again is no reassignment");
    }

    [Fact]
    public async Task A_staff_member_with_categories_sees_their_queue_by_default_and_others_see_all()
    {
        var mine = await Desk.CategoryAsync("Mine");
        var theirs = await Desk.CategoryAsync("Theirs");
        var member = await Desk.EmployeeAsync("queue.member", "+966590000761");
        await Desk.WorksAsync(member.AccountId, mine);
        var supervisorAccount = await Desk.EmployeeAsync("queue.super", "+966590000762", Role.Supervisor);
        var citizen = await _kit.CitizenAsync();
        var inMine = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: mine));
        var inTheirs = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: theirs));

        var caller = await Desk.SignedInAsync(member, "+966590000761");
        var own = await _kit.Staff.ListTicketsAsync(new ListTicketsRequest { PageSize = 100 }, caller.Options());
        own.Tickets.Select(t => t.TicketId).Should().Contain(inMine.TicketId).And.NotContain(inTheirs.TicketId);
        own.Tickets.Should().OnlyContain(t => t.CategoryId == mine);
        var asked = await _kit.Staff.ListTicketsAsync(new ListTicketsRequest { PageSize = 100, CategoryId = theirs }, caller.Options());
        asked.Tickets.Select(t => t.TicketId).Should().Contain(inTheirs.TicketId);

        var supervisor = await Desk.SignedInAsync(supervisorAccount, "+966590000762");
        foreach (var everyone in new[] { supervisor, await _kit.DeskAsync(), await _kit.DeskAsync(Role.Admin) })
        {
            var all = await _kit.Staff.ListTicketsAsync(new ListTicketsRequest { PageSize = 100 }, everyone.Options());
            all.Tickets.Select(t => t.TicketId).Should().Contain([inMine.TicketId, inTheirs.TicketId]);
        }
    }
}

/// <summary>Assignment:Mode None keeps the manual queue.</summary>
public sealed class ManualAssignmentTests : IDisposable
{
    private readonly TahseenApiFactory _factory = new() { Configure = builder => builder.UseSetting("Assignment:Mode", "None") };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task With_mode_none_a_new_ticket_waits_in_the_queue()
    {
        var kit = new TicketKit(_factory);
        var desk = new DeskKit(kit);
        var category = await desk.CategoryAsync("Manual");
        var member = await desk.EmployeeAsync("manual.staff", "+966590000771");
        await desk.WorksAsync(member.AccountId, category);

        var ticket = await kit.SubmitAsync(await kit.CitizenAsync(), TicketKit.NewTicket(categoryId: category));

        ticket.AssigneeAccountId.Should().BeEmpty();
    }
}
