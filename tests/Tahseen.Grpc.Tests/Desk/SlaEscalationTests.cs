using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using TicketSlaAtRisk = Tahseen.Domain.Tickets.TicketSlaAtRisk;
using TicketSlaBreached = Tahseen.Domain.Tickets.TicketSlaBreached;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Tickets;
using SlaState = Tahseen.Contracts.V1.SlaState;
using TicketStatus = Tahseen.Contracts.V1.TicketStatus;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>
/// SLA state and escalation with a fake clock: a complaint filed at 12:00 Riyadh on Sunday 22 November
/// 2026, with Tuesday 24 November a holiday, is due 5 working days later at 12:00 on Monday 30
/// November (Tuesday, Friday and Saturday left out). 80 % of its 5 working days is used at 12:00 on
/// Sunday 29 November; by the wall clock (6 of 8 days) it would be at risk on Saturday already.
/// </summary>
public sealed class SlaEscalationTests : IDisposable
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    private readonly TahseenApiFactory _factory = new()
    {
        Configure = builder => builder.UseSetting("Tickets:Holidays:0", "2026-11-24"),
    };

    public void Dispose() => _factory.Dispose();

    private SlaEscalationJob Job => _factory.Services.GetRequiredService<SlaEscalationJob>();

    [Fact]
    public async Task At_risk_and_breach_are_raised_once_per_ticket_across_a_weekend_and_a_holiday_and_the_filters_list_them()
    {
        var kit = new TicketKit(_factory);
        var desk = new DeskKit(kit);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 12, 0, 0, Riyadh).ToUniversalTime());
        var category = await desk.CategoryAsync("SLA");
        var member = await desk.EmployeeAsync("sla.staff", "+966590000801");
        var supervisor = await desk.EmployeeAsync("sla.super", "+966590000802", Role.Supervisor);
        await desk.WorksAsync(member.AccountId, category);
        await desk.WorksAsync(supervisor.AccountId, category);
        var citizen = await kit.CitizenAsync();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 3; i++)
        {
            tickets.Add(await kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category)));
        }

        var ids = tickets.Select(t => t.TicketId).ToList();
        // Five working days, the Tuesday holiday not among them, ending at 14:30 (the rule of issue 15; the
        // times below moved with it).
        tickets[0].DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 30, 14, 30, 0, Riyadh));
        tickets.Should().OnlyContain(t => t.SlaState == SlaState.OnTrack && !t.Escalated);

        // Sunday 08:00 after the weekend: 92 of 122.5 working hours used (75 %), 84 % of the wall-clock time.
        await MoveToAsync(new DateTimeOffset(2026, 11, 29, 8, 0, 0, Riyadh));
        await RunTwiceAsync();
        (await EventsAsync(ids, nameof(TicketSlaAtRisk))).Should().Be(0);
        (await StatesAsync(kit, ids)).Should().OnlyContain(s => s == SlaState.OnTrack);

        // Sunday 15:00: 99 working hours, past 80 %. Two replicas run the job at the same moment, then it runs again.
        await MoveToAsync(new DateTimeOffset(2026, 11, 29, 15, 0, 0, Riyadh));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replicas = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await Job.CheckAsync(CancellationToken.None);
        })).ToList();
        gate.SetResult();
        await Task.WhenAll(replicas);
        await RunTwiceAsync();

        (await EventsPerTicketAsync(ids, nameof(TicketSlaAtRisk))).Should().OnlyContain(count => count == 1);
        (await StatesAsync(kit, ids)).Should().OnlyContain(s => s == SlaState.AtRisk);
        (await ListAsync(kit, new ListTicketsRequest { SlaState = SlaState.AtRisk, CategoryId = category })).Should().BeEquivalentTo(ids);
        (await ListAsync(kit, new ListTicketsRequest { SlaState = SlaState.OnTrack, CategoryId = category })).Should().BeEmpty();

        // One ticket is answered in time; the other two pass their due time.
        var admin = await kit.DeskAsync(Role.Admin);
        await kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = ids[2], Body = "Your new card is ready.", Outcome = Tahseen.Contracts.V1.TicketOutcome.Upheld }, admin.Options());
        var staffSmsBefore = await kit.Harness.SmsCountAsync("+966590000801");
        var supervisorSmsBefore = await kit.Harness.SmsCountAsync("+966590000802");

        await MoveToAsync(new DateTimeOffset(2026, 11, 30, 14, 31, 0, Riyadh));
        await RunTwiceAsync();

        (await EventsPerTicketAsync(ids, nameof(TicketSlaBreached))).Should().Equal(1, 1, 0);
        (await EventsPerTicketAsync(ids, nameof(TicketSlaAtRisk))).Should().Equal(1, 1, 1);
        (await StatesAsync(kit, ids)).Should().Equal(SlaState.Breached, SlaState.Breached, SlaState.OnTrack);
        (await ListAsync(kit, new ListTicketsRequest { SlaState = SlaState.Breached, CategoryId = category })).Should().BeEquivalentTo(ids.Take(2));
        (await ListAsync(kit, new ListTicketsRequest { EscalatedOnly = true, CategoryId = category })).Should().BeEquivalentTo(ids.Take(2));

        var escalated = await kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ids[0] }, (await kit.DeskAsync(Role.Admin)).Options());
        escalated.Ticket.Escalated.Should().BeTrue();
        escalated.Ticket.EscalateTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 30, 14, 31, 0, Riyadh));
        escalated.Ticket.Status.Should().Be(TicketStatus.Submitted);
        escalated.History.Select(h => h.Action).Should().ContainInOrder("SUBMITTED", "ASSIGNED", "SLA_AT_RISK", "ESCALATED");

        // The assignee and the category's supervisor are told once per breached ticket (a supervisor who is
        // also the assignee, once). Both work the category, so the least-loaded rule shared the tickets out.
        var breachedOfMember = tickets.Take(2).Count(t => t.AssigneeAccountId == member.AccountId);
        breachedOfMember.Should().Be(1, "the first two tickets went one to each member");
        (await kit.Harness.SmsCountAsync("+966590000801")).Should().Be(staffSmsBefore + breachedOfMember);
        (await kit.Harness.SmsCountAsync("+966590000802")).Should().Be(supervisorSmsBefore + 2);
        (await kit.Harness.NextSmsAsync("+966590000802", supervisorSmsBefore + 1)).Should().Contain("escalated");

        // The change feed carries both kinds, in order, for the integration stream.
        var feed = await _factory.Services.GetRequiredService<ITicketFeed>().ReadAsync(0, Guid.Parse(ids[0]), 100, CancellationToken.None);
        feed.Select(e => e.Kind).Should().ContainInOrder(TicketEventKind.SlaAtRisk, TicketEventKind.SlaBreached);
        feed.Single(e => e.Kind == TicketEventKind.SlaBreached).Ticket.Escalated.Should().BeTrue();
    }

    private Task MoveToAsync(DateTimeOffset riyadhTime)
    {
        _factory.Clock.SetUtcNow(riyadhTime.ToUniversalTime());
        return Task.CompletedTask;
    }

    private async Task RunTwiceAsync()
    {
        await Job.CheckAsync(CancellationToken.None);
        await Job.CheckAsync(CancellationToken.None);
    }

    private async Task<int> EventsAsync(IEnumerable<string> ids, string type) => (await EventsPerTicketAsync(ids, type)).Sum();

    private async Task<List<int>> EventsPerTicketAsync(IEnumerable<string> ids, string type)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var counts = new List<int>();
        foreach (var id in ids)
        {
            counts.Add(await db.OutboxEvents.CountAsync(e => e.StreamId == Guid.Parse(id) && e.EventType == type));
        }

        return counts;
    }

    private static async Task<List<SlaState>> StatesAsync(TicketKit kit, IEnumerable<string> ids)
    {
        var admin = await kit.DeskAsync(Role.Admin);
        var states = new List<SlaState>();
        foreach (var id in ids)
        {
            states.Add((await kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = id }, admin.Options())).Ticket.SlaState);
        }

        return states;
    }

    private static async Task<List<string>> ListAsync(TicketKit kit, ListTicketsRequest request)
    {
        var admin = await kit.DeskAsync(Role.Admin);
        request.PageSize = 100;
        return [.. (await kit.Staff.ListTicketsAsync(request, admin.Options())).Tickets.Select(t => t.TicketId)];
    }
}
