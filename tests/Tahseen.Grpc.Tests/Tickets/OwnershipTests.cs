using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>A citizen reaches their own tickets only; someone else's is indistinguishable from a missing one.</summary>
public sealed class OwnershipTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Every_citizen_method_answers_TICKET_NOT_FOUND_for_someone_elses_ticket()
    {
        var owner = await _kit.CitizenAsync();
        var other = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(owner);
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Done." }, staff.Options());
        var id = ticket.TicketId;

        var calls = new Func<Task>[]
        {
            () => _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = id }, other.Options()).ResponseAsync,
            () => _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = id, Body = "Mine now." }, other.Options()).ResponseAsync,
            () => _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = id }, other.Options()).ResponseAsync,
            () => _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = id, Score = 1 }, other.Options()).ResponseAsync,
            () => FirstWatchEventAsync(id, other),
        };

        foreach (var call in calls)
        {
            (await call().FailsWith(StatusCode.NotFound)).Reason.Should().Be("TICKET_NOT_FOUND");
        }

        (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = Guid.NewGuid().ToString() }, other.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("TICKET_NOT_FOUND");
        (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest(), other.Options())).Tickets.Should().BeEmpty();
        var untouched = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = id }, owner.Options())).Ticket;
        untouched.Status.Should().Be(TicketStatus.Resolved);
        untouched.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task Ticket_methods_need_a_signed_in_caller()
    {
        var error = await _kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket()).FailsWith(StatusCode.Unauthenticated);

        error.Reason.Should().Be("TOKEN_INVALID");
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_staff_desk_and_staff_cannot_administer()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();

        (await _kit.Staff.ListTicketsAsync(new ListTicketsRequest(), citizen.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), citizen.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "جديد", NameEn = "New" }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
    }

    private async Task FirstWatchEventAsync(string ticketId, Caller caller)
    {
        using var call = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticketId }, caller.Options());
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
