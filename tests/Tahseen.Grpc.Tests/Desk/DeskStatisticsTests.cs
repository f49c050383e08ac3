using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Tickets;

namespace Tahseen.Grpc.Tests.Desk;

/// <summary>The desk's figures in GetTicketStatistics: reopened share, escalations, first-contact resolution, per-staff figures.</summary>
public sealed class DeskStatisticsTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Reopened_escalated_first_contact_and_per_staff_figures_and_only_supervisors_and_admins_see_staff()
    {
        var staff = await _kit.DeskAsync();
        var citizen = await _kit.CitizenAsync();

        // The clock moves by hours: each call signs in afresh (a refresh), as a client would.
        async Task<CallOptions> Staff() => (await _kit.DeskAsync()).Options();
        async Task<Caller> Citizen() => citizen = await _kit.RefreshedAsync(citizen);
        var desk = new DeskKit(_kit);
        var supervisorAccount = await desk.EmployeeAsync("stats.super", "+966590000901", Role.Supervisor);

        async Task<string> AssignedAsync()
        {
            var ticket = await _kit.SubmitAsync(await Citizen());
            await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, await Staff());
            return ticket.TicketId;
        }

        // Resolved at first contact.
        var direct = await AssignedAsync();
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = direct, Body = "Renew it on Absher.", Outcome = Tahseen.Contracts.V1.TicketOutcome.Upheld }, await Staff());

        // A reply first, then the resolution: two public words from staff.
        var twice = await AssignedAsync();
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = twice, Body = "We are checking." }, await Staff());
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = twice, Body = "Done.", Outcome = Tahseen.Contracts.V1.TicketOutcome.Upheld }, await Staff());

        // Resolved at first contact, then reopened by the submitter.
        var reopened = await AssignedAsync();
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = reopened, Body = "Done.", Outcome = Tahseen.Contracts.V1.TicketOutcome.Upheld }, await Staff());
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = reopened, Body = "It still does not work." }, (await Citizen()).Options());

        // Still open, and left past its due time: escalated.
        await AssignedAsync();
        factory.Clock.Advance(TimeSpan.FromDays(14));
        await factory.Services.GetRequiredService<SlaEscalationJob>().CheckAsync(CancellationToken.None);

        var admin = await _kit.DeskAsync(Role.Admin);
        var forAdmin = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), admin.Options());
        forAdmin.HasReopenedRatio.Should().BeTrue();
        forAdmin.ReopenedRatio.Should().BeApproximately(1.0 / 3, 1e-9);
        forAdmin.HasFirstContactResolutionRatio.Should().BeTrue();
        forAdmin.FirstContactResolutionRatio.Should().BeApproximately(1.0 / 3, 1e-9);
        forAdmin.EscalatedCount.Should().Be(2, "the reopened ticket was open past its due time too");

        var figures = forAdmin.StaffFigures.Should().ContainSingle().Subject;
        figures.AccountId.Should().Be(staff.AccountId);
        figures.DisplayName.Should().NotBeEmpty();
        figures.OpenCount.Should().Be(2);
        figures.ResolvedCount.Should().Be(2);
        figures.MedianHandlingDuration.ToTimeSpan().Should().Be(TimeSpan.FromHours(3), "one took 2 h, the other 4 h");

        var forSupervisor = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), (await desk.SignedInAsync(supervisorAccount, "+966590000901")).Options());
        forSupervisor.StaffFigures.Should().ContainSingle().Which.Should().Be(figures);

        var forStaff = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), (await _kit.DeskAsync()).Options());
        forStaff.StaffFigures.Should().BeEmpty();
        forStaff.EscalatedCount.Should().Be(2);

    }
}
