using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>How the service performs over the tickets created in [StartTime, EndTime); either bound may be left open.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record GetTicketStatisticsQuery(DateTimeOffset? StartTime, DateTimeOffset? EndTime) : IRequest<TicketStatisticsDto>;

public sealed record TicketStatisticsDto(
    long Total,
    IReadOnlyList<TypeCountDto> TypeCounts,
    IReadOnlyList<StatusCountDto> StatusCounts,
    IReadOnlyList<CategoryCountDto> CategoryCounts,
    TimeSpan? MedianFirstResponseDuration,
    TimeSpan? MedianResolutionDuration,
    double? ResolvedWithinDueRatio,
    double? AverageRating,
    long RatedCount,
    IReadOnlyList<OutcomeCountDto> OutcomeCounts,
    IReadOnlyList<ClosureReasonCountDto> ClosureReasonCounts,
    double? AppealRatio = null,
    double? AppealUpheldRatio = null,
    TimeSpan? MedianAppealDecisionDuration = null);

public sealed record TypeCountDto(TicketType Type, long Count);

public sealed record StatusCountDto(TicketStatus Status, long Count);

public sealed record CategoryCountDto(Guid CategoryId, long Count);

public sealed record OutcomeCountDto(TicketType Type, TicketOutcome? Outcome, long Count);

public sealed record ClosureReasonCountDto(ClosureReason ClosureReason, long Count);

public sealed class GetTicketStatisticsQueryValidator : AbstractValidator<GetTicketStatisticsQuery>
{
    public GetTicketStatisticsQueryValidator() =>
        RuleFor(q => q.EndTime)
            .Must((query, end) => query.StartTime is null || end is null || end > query.StartTime)
            .WithReason(ErrorReason.FieldInvalid);
}

public sealed class GetTicketStatisticsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetTicketStatisticsQuery, TicketStatisticsDto>
{
    public async Task<TicketStatisticsDto> Handle(GetTicketStatisticsQuery request, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking();
        if (request.StartTime is { } start)
        {
            tickets = tickets.Where(t => t.CreateTime >= start);
        }

        if (request.EndTime is { } end)
        {
            tickets = tickets.Where(t => t.CreateTime < end);
        }

        // Counting and grouping run in the database; only the durations come back, for the medians.
        var byType = await tickets.GroupBy(t => t.Type)
            .Select(g => new TypeCountDto(g.Key, g.LongCount()))
            .ToListAsync(cancellationToken);
        var byStatus = await tickets.GroupBy(t => t.Status)
            .Select(g => new StatusCountDto(g.Key, g.LongCount()))
            .ToListAsync(cancellationToken);
        var byCategory = await tickets.GroupBy(t => t.CategoryId)
            .Select(g => new CategoryCountDto(g.Key, g.LongCount()))
            .ToListAsync(cancellationToken);

        // Outcomes of the tickets staff resolved, per type (an outcome belongs to one type); a ticket
        // resolved before outcomes existed counts under no outcome.
        var byOutcome = await tickets.Where(t => t.ResolveTime != null)
            .GroupBy(t => new { t.Type, t.Outcome })
            .Select(g => new OutcomeCountDto(g.Key.Type, g.Key.Outcome, g.LongCount()))
            .ToListAsync(cancellationToken);
        var byClosureReason = await tickets.Where(t => t.ClosureReason != null)
            .GroupBy(t => t.ClosureReason!.Value)
            .Select(g => new ClosureReasonCountDto(g.Key, g.LongCount()))
            .ToListAsync(cancellationToken);

        var resolved = tickets.Where(t => t.ResolveTime != null);
        var resolvedInTime = await resolved.LongCountAsync(t => t.ResolveTime <= t.DueTime, cancellationToken);

        var rated = tickets.Where(t => t.Rating != null);
        var ratedCount = await rated.LongCountAsync(cancellationToken);
        var averageRating = await rated.AverageAsync(t => (double?)t.Rating!.Score, cancellationToken);

        var firstResponses = await tickets.Where(t => t.FirstResponseTime != null)
            .Select(t => new { t.CreateTime, Response = t.FirstResponseTime!.Value })
            .ToListAsync(cancellationToken);
        var resolutions = await resolved
            .Select(t => new { t.CreateTime, Resolution = t.ResolveTime!.Value })
            .ToListAsync(cancellationToken);

        // Appeals: counted in the database; only the decided appeals' two times come back, for the median.
        var complaints = tickets.Where(t => t.Type == TicketType.Complaint);
        var appealable = await complaints.LongCountAsync(
            t => t.AppealLodgeTime != null
                || t.Status == TicketStatus.Rejected
                || t.Outcome == TicketOutcome.NotUpheld
                || t.Outcome == TicketOutcome.PartiallyUpheld,
            cancellationToken);
        var appealed = await complaints.LongCountAsync(t => t.AppealLodgeTime != null, cancellationToken);
        var upheld = await complaints.LongCountAsync(t => t.AppealDecision == AppealDecision.Uphold, cancellationToken);
        var decisions = await complaints.Where(t => t.AppealDecideTime != null && t.AppealLodgeTime != null)
            .Select(t => new { Lodged = t.AppealLodgeTime!.Value, Decided = t.AppealDecideTime!.Value })
            .ToListAsync(cancellationToken);

        return new TicketStatisticsDto(
            byType.Sum(c => c.Count),
            [.. byType.OrderBy(c => c.Type)],
            [.. byStatus.OrderBy(c => c.Status)],
            [.. byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.CategoryId)],
            Median(firstResponses.Select(t => t.Response - t.CreateTime)),
            Median(resolutions.Select(t => t.Resolution - t.CreateTime)),
            resolutions.Count == 0 ? null : (double)resolvedInTime / resolutions.Count,
            averageRating,
            ratedCount,
            [.. byOutcome.OrderBy(c => c.Type).ThenBy(c => c.Outcome)],
            [.. byClosureReason.OrderBy(c => c.ClosureReason)],
            appealable == 0 ? null : (double)appealed / appealable,
            decisions.Count == 0 ? null : (double)upheld / decisions.Count,
            Median(decisions.Select(d => d.Decided - d.Lodged)));
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
