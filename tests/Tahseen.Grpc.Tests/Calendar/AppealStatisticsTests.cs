using Google.Protobuf.WellKnownTypes;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Desk;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Calendar;

/// <summary>Appeal figures in GetTicketStatistics: the share appealed, the share upheld, the median time to decide.</summary>
public sealed class AppealStatisticsTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Statistics_give_the_appeal_ratio_the_upheld_share_and_the_median_time_to_decide()
    {
        var desk = new DeskKit(_kit);
        var start = factory.Clock.GetUtcNow();
        var category = await desk.CategoryAsync("Appeal figures");
        var supervisorAccount = await desk.EmployeeAsync("figures.sup", "+966590001701", Role.Supervisor);
        var supervisor = await desk.SignedInAsync(supervisorAccount, "+966590001701");
        var staff = await _kit.DeskAsync();
        var citizen = await _kit.CitizenAsync();

        async Task<string> SettledAsync(TicketOutcome? outcome)
        {
            var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
            if (outcome is { } settled)
            {
                await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { TicketId = ticket.TicketId, Body = "Done.", Outcome = settled }, staff.Options());
            }
            else
            {
                await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = ticket.TicketId, Reason = "Out of scope" }, staff.Options());
            }

            return ticket.TicketId;
        }

        // Four appealable (two not upheld, one partly, one rejected), one upheld (not appealable).
        var first = await SettledAsync(TicketOutcome.NotUpheld);
        var second = await SettledAsync(TicketOutcome.PartiallyUpheld);
        await SettledAsync(TicketOutcome.NotUpheld);
        await SettledAsync(null);
        await SettledAsync(TicketOutcome.Upheld);

        foreach (var id in new[] { first, second })
        {
            await _kit.Tickets.AppealTicketAsync(new AppealTicketRequest { TicketId = id, Reason = "Please look again." }, citizen.Options());
        }

        // Decided after one day and after three: the median is two days; one of two upheld.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        supervisor = await _kit.RefreshedAsync(supervisor);
        await _kit.Staff.DecideAppealAsync(new DecideAppealRequest { TicketId = first, Decision = AppealDecision.Uphold, Reason = "Agreed." }, supervisor.Options());
        factory.Clock.Advance(TimeSpan.FromDays(2));
        supervisor = await _kit.RefreshedAsync(supervisor);
        await _kit.Staff.DecideAppealAsync(new DecideAppealRequest { TicketId = second, Decision = AppealDecision.Dismiss, Reason = "Stands." }, supervisor.Options());

        var statistics = await _kit.Staff.GetTicketStatisticsAsync(
            new GetTicketStatisticsRequest { StartTime = Timestamp.FromDateTimeOffset(start) }, supervisor.Options());
        statistics.AppealRatio.Should().Be(0.5);
        statistics.AppealUpheldRatio.Should().Be(0.5);
        statistics.MedianAppealDecisionDuration.ToTimeSpan().Should().Be(TimeSpan.FromDays(2));

        // Nothing appealed in a range without tickets: the ratios are unset.
        var empty = await _kit.Staff.GetTicketStatisticsAsync(
            new GetTicketStatisticsRequest { StartTime = Timestamp.FromDateTimeOffset(factory.Clock.GetUtcNow().AddDays(1)) }, supervisor.Options());
        empty.HasAppealRatio.Should().BeFalse();
        empty.HasAppealUpheldRatio.Should().BeFalse();
        empty.MedianAppealDecisionDuration.Should().BeNull();
    }
}
