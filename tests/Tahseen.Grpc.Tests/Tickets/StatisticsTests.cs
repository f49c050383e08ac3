using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed class StatisticsTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Statistics_count_group_and_time_the_tickets_created_in_the_range()
    {
        // A window of its own: every ticket of an earlier test was created before it.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var start = factory.Clock.GetUtcNow();

        var answeredFast = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));
        var answeredLate = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry));
        await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion, categoryId: TicketKit.OtherCategory));
        var withdrawn = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = answeredFast.TicketId, Body = "Looking." }, staff.Options());
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = answeredFast.TicketId, Body = "Done." }, staff.Options());
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = answeredLate.TicketId, Body = "Looking." }, staff.Options());
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId }, citizen.Options());
        await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = answeredFast.TicketId, Score = 4 }, citizen.Options());

        // Six days later the inquiry, due in three working days, is answered late.
        factory.Clock.Advance(TimeSpan.FromDays(6));
        staff = await _kit.RefreshedAsync(staff);
        citizen = await _kit.RefreshedAsync(citizen);
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Answered, TicketId = answeredLate.TicketId, Body = "Done." }, staff.Options());
        await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = answeredLate.TicketId, Score = 2 }, citizen.Options());

        var statistics = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(start),
            EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(1)),
        }, staff.Options());

        statistics.Total.Should().Be(4);
        statistics.TypeCounts.Select(c => (c.Type, c.Count)).Should().BeEquivalentTo(new[]
        {
            (TicketType.Complaint, 2L), (TicketType.Suggestion, 1L), (TicketType.Inquiry, 1L),
        });
        statistics.StatusCounts.Select(c => (c.Status, c.Count)).Should().BeEquivalentTo(new[]
        {
            (TicketStatus.Submitted, 1L), (TicketStatus.Closed, 2L), (TicketStatus.Withdrawn, 1L),
        });
        statistics.CategoryCounts.Select(c => (c.CategoryId, c.Count)).Should().BeEquivalentTo(new[]
        {
            (TicketKit.NationalIdCardCategory, 3L), (TicketKit.OtherCategory, 1L),
        });
        statistics.MedianFirstResponseDuration.ToTimeSpan().Should().Be(TimeSpan.FromMinutes(7.5), "the middle of 5 and 10 minutes");
        statistics.MedianResolutionDuration.ToTimeSpan().Should().Be(
            (TimeSpan.FromMinutes(10) + TimeSpan.FromDays(6) + TimeSpan.FromMinutes(10)) / 2, "the middle of 10 minutes and 6 days 10 minutes");
        statistics.HasResolvedWithinDueRatio.Should().BeTrue();
        statistics.ResolvedWithinDueRatio.Should().Be(0.5);
        statistics.HasAverageRating.Should().BeTrue();
        statistics.AverageRating.Should().Be(3.0);
        statistics.RatedCount.Should().Be(2);
        statistics.OutcomeCounts.Select(c => (c.Type, c.Outcome, c.Count)).Should().BeEquivalentTo(new[]
        {
            (TicketType.Complaint, TicketOutcome.Upheld, 1L), (TicketType.Inquiry, TicketOutcome.Answered, 1L),
        });
        statistics.ClosureReasonCounts.Select(c => (c.ClosureReason, c.Count)).Should().BeEquivalentTo(new[]
        {
            (ClosureReason.Rated, 2L), (ClosureReason.Withdrawn, 1L),
        });
    }

    [Fact]
    public async Task An_empty_range_has_zero_counts_and_leaves_the_rest_unset()
    {
        var staff = await _kit.DeskAsync();
        var future = factory.Clock.GetUtcNow().AddYears(1);

        var statistics = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(future),
            EndTime = Timestamp.FromDateTimeOffset(future.AddDays(1)),
        }, staff.Options());

        statistics.Total.Should().Be(0);
        statistics.TypeCounts.Should().BeEmpty();
        statistics.StatusCounts.Should().BeEmpty();
        statistics.CategoryCounts.Should().BeEmpty();
        statistics.MedianFirstResponseDuration.Should().BeNull();
        statistics.MedianResolutionDuration.Should().BeNull();
        statistics.HasResolvedWithinDueRatio.Should().BeFalse();
        statistics.HasAverageRating.Should().BeFalse();
        statistics.RatedCount.Should().Be(0);
    }

    [Fact]
    public async Task Without_a_range_every_ticket_counts_and_a_range_that_ends_before_it_starts_is_refused()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        await _kit.SubmitAsync(citizen);
        var now = Timestamp.FromDateTimeOffset(factory.Clock.GetUtcNow());

        (await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), staff.Options())).Total.Should().BePositive();
        (await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest { StartTime = now, EndTime = now }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument)).BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("end_time");
    }
}
