using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>
/// The job's pass is called directly with the fake clock. The host runs the job too, so the
/// assertions hold whichever pass closes a ticket: that is what several replicas look like.
/// </summary>
public sealed class AutoCloseTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private TicketAutoCloseJob Job => factory.Services.GetRequiredService<TicketAutoCloseJob>();

    [Fact]
    public async Task A_resolved_ticket_closes_by_itself_seven_days_after_the_resolution_and_watchers_see_it()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Done." }, staff.Options());

        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await Job.CloseDueTicketsAsync(CancellationToken.None);
        staff = await _kit.RefreshedAsync(staff);
        (await DeskViewAsync(staff, ticket.TicketId)).Ticket.Status.Should().Be(TicketStatus.Resolved);

        // A watch lives no longer than its access token, so the watcher of a week-long wait signs in anew.
        citizen = await _kit.RefreshedAsync(citizen);
        using var watch = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen.Options());
        await watch.ResponseStream.MoveNext(CancellationToken.None);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Job.CloseDueTicketsAsync(CancellationToken.None);

        var closed = await DeskViewAsync(staff, ticket.TicketId);
        closed.Ticket.Status.Should().Be(TicketStatus.Closed);
        closed.History.Last().Should().Match<TicketHistoryEntry>(h =>
            h.Action == "AUTO_CLOSED" && h.ActorAccountId == string.Empty && h.ActorRole == Role.Unspecified);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        (await watch.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue();
        watch.ResponseStream.Current.Should().Match<WatchTicketResponse>(e =>
            e.EventType == TicketEventType.StatusChanged && e.Ticket.Status == TicketStatus.Closed);
    }

    [Fact]
    public async Task A_ticket_reopened_by_its_submitter_is_not_closed()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Done." }, staff.Options());
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "Not done yet." }, citizen.Options());

        factory.Clock.Advance(TimeSpan.FromDays(8));
        await Job.CloseDueTicketsAsync(CancellationToken.None);

        staff = await _kit.RefreshedAsync(staff);
        (await DeskViewAsync(staff, ticket.TicketId)).Ticket.Status.Should().Be(TicketStatus.InProgress);
    }

    [Fact]
    public async Task Passes_running_at_once_close_each_ticket_once()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            var ticket = await _kit.SubmitAsync(citizen);
            await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Done." }, staff.Options());
            tickets.Add(ticket);
        }

        factory.Clock.Advance(TimeSpan.FromDays(7));
        var closedByPasses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Job.CloseDueTicketsAsync(CancellationToken.None)));

        closedByPasses.Sum().Should().BeLessThanOrEqualTo(tickets.Count);
        staff = await _kit.RefreshedAsync(staff);
        foreach (var ticket in tickets)
        {
            var view = await DeskViewAsync(staff, ticket.TicketId);
            view.Ticket.Status.Should().Be(TicketStatus.Closed);
            view.History.Count(h => h.Action == "AUTO_CLOSED").Should().Be(1);
        }
    }

    private async Task<StaffTicketServiceGetTicketResponse> DeskViewAsync(Caller staff, string ticketId) =>
        await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
}
