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
    TimeSpan? MedianAppealDecisionDuration = null)
{
    /// <summary>Of the tickets ever resolved, the share the submitter reopened; null when none was resolved.</summary>
    public double? ReopenedRatio { get; init; }

    /// <summary>Tickets escalated (their due time passed while open).</summary>
    public long EscalatedCount { get; init; }

    /// <summary>
    /// Of the tickets ever resolved, the share resolved with exactly one public word from staff (the
    /// resolution itself) and never reopened; null when none was resolved.
    /// </summary>
    public double? FirstContactResolutionRatio { get; init; }

    /// <summary>Per staff member; only supervisors and admins see it (empty for plain staff).</summary>
    public IReadOnlyList<StaffFiguresDto> StaffFigures { get; init; } = [];

    /// <summary>
    /// Gross compliance: of the resolved tickets, the share resolved by the due time they would have had
    /// without their pauses (<see cref="Ticket.UnpausedDueTime"/>); null when none was resolved. Beside
    /// <see cref="ResolvedWithinDueRatio"/>, the net figure, it shows how much the stopped clock helped.
    /// </summary>
    public double? GrossResolvedWithinDueRatio { get; init; }

    /// <summary>The pauses of the tickets in range per reason, with the working time they counted (an open one to now).</summary>
    public IReadOnlyList<PausedTimeByReasonDto> PausedTimeByReason { get; init; } = [];
}

public sealed record PausedTimeByReasonDto(PauseReason Reason, long PauseCount, TimeSpan TotalPausedDuration);

/// <summary>One staff member's load and pace over the tickets in range assigned to them.</summary>
public sealed record StaffFiguresDto(Guid AccountId, string DisplayName, long OpenCount, long ResolvedCount, TimeSpan? MedianHandlingDuration);

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

public sealed class GetTicketStatisticsQueryHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
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
        var resolvedInUnpausedTime = await resolved.LongCountAsync(t => t.ResolveTime <= t.UnpausedDueTime, cancellationToken);

        var rated = tickets.Where(t => t.Rating != null);
        var ratedCount = await rated.LongCountAsync(cancellationToken);
        var averageRating = await rated.AverageAsync(t => (double?)t.Rating!.Score, cancellationToken);

        var firstResponses = await tickets.Where(t => t.FirstResponseTime != null)
            .Select(t => new { t.CreateTime, Response = t.FirstResponseTime!.Value })
            .ToListAsync(cancellationToken);
        var resolutions = await resolved
            .Select(t => new { t.CreateTime, Resolution = t.ResolveTime!.Value })
            .ToListAsync(cancellationToken);

        // Ever resolved, ever reopened: a reopen clears ResolveTime, so the history tells.
        var everResolved = tickets.Where(t => t.History.Any(h => h.Action == TicketAction.Resolved));
        var everResolvedCount = await everResolved.LongCountAsync(cancellationToken);
        var reopenedCount = await everResolved.LongCountAsync(t => t.History.Any(h => h.Action == TicketAction.Reopened), cancellationToken);
        var firstContactCount = await everResolved.LongCountAsync(
            t => !t.History.Any(h => h.Action == TicketAction.Reopened)
                && t.Messages.Count(m => m.AuthorRole == ActorRole.Staff || m.AuthorRole == ActorRole.Admin) == 1,
            cancellationToken);
        var escalatedCount = await tickets.LongCountAsync(t => t.Escalated, cancellationToken);

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
            Median(decisions.Select(d => d.Decided - d.Lodged)))
        {
            ReopenedRatio = everResolvedCount == 0 ? null : (double)reopenedCount / everResolvedCount,
            EscalatedCount = escalatedCount,
            FirstContactResolutionRatio = everResolvedCount == 0 ? null : (double)firstContactCount / everResolvedCount,
            StaffFigures = user.IsSupervising() ? await StaffFiguresAsync(tickets, cancellationToken) : [],
            GrossResolvedWithinDueRatio = resolutions.Count == 0 ? null : (double)resolvedInUnpausedTime / resolutions.Count,
            PausedTimeByReason = await PausedTimeByReasonAsync(tickets, cancellationToken),
        };
    }

    /// <summary>
    /// The ledger's entries of the tickets in range, per reason. A ticket pauses a few times at most
    /// (Sla:MaxPauses), so the entries come back and are summed here; an open pause counts to now, within
    /// what is left of its ticket's allowance, as the ticket's paused_duration does.
    /// </summary>
    private async Task<IReadOnlyList<PausedTimeByReasonDto>> PausedTimeByReasonAsync(IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var rows = await tickets
            .SelectMany(t => t.Pauses, (t, p) => new { p.Reason, p.StartTime, p.WorkingDuration, t.PausedWorkingTime })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var pauseClock = pauses.Current;
        return [.. rows
            .Select(r => (r.Reason, Duration: r.WorkingDuration ?? pauseClock.Counted(r.StartTime, now, r.PausedWorkingTime)))
            .GroupBy(r => r.Reason)
            .OrderBy(g => g.Key)
            .Select(g => new PausedTimeByReasonDto(g.Key, g.LongCount(), g.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration)))];
    }

    /// <summary>
    /// Per assignee of the tickets in range: open tickets (still being worked), resolved ones (resolved
    /// now or since closed after a resolution), and the median time from submission to resolution.
    /// </summary>
    private async Task<IReadOnlyList<StaffFiguresDto>> StaffFiguresAsync(IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var open = Ticket.OpenStatuses;
        var rows = await tickets.Where(t => t.AssigneeAccountId != null)
            .Select(t => new { Assignee = t.AssigneeAccountId!.Value, t.Status, t.CreateTime, t.ResolveTime })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Assignee).Distinct().ToList();
        var names = (await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.FullName }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => a.FullName);
        return [.. rows.GroupBy(r => r.Assignee)
            .Select(g => new StaffFiguresDto(
                g.Key,
                names.GetValueOrDefault(g.Key, string.Empty),
                g.LongCount(r => open.Contains(r.Status)),
                g.LongCount(r => r.ResolveTime != null),
                Median(g.Where(r => r.ResolveTime != null).Select(r => r.ResolveTime!.Value - r.CreateTime))))
            .OrderBy(f => f.DisplayName, StringComparer.Ordinal)
            .ThenBy(f => f.AccountId)];
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
