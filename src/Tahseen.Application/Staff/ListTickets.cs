using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// The staff queue, soonest due first, a page at a time. Without a category filter, a staff member
/// who works categories (SetStaffCategories) sees those categories' tickets; supervisors, admins and
/// staff without categories see every ticket.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ListTicketsQuery(
    int PageSize,
    string? PageToken,
    TicketStatus? Status,
    TicketType? Type,
    string? CategoryId,
    string? AssigneeAccountId,
    bool OverdueOnly,
    SlaState? SlaState = null,
    bool EscalatedOnly = false) : IRequest<TicketPage>;

public sealed class ListTicketsQueryValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Status).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Type).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.CategoryId).OptionalIdentifier();
        RuleFor(q => q.AssigneeAccountId).OptionalIdentifier();
        RuleFor(q => q.SlaState).IsInEnum().WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class ListTicketsQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IKeyedHasher hasher)
    : IRequestHandler<ListTicketsQuery, TicketPage>
{
    public async Task<TicketPage> Handle(ListTicketsQuery request, CancellationToken cancellationToken)
    {
        var categoryId = ValidationRules.ParseOptionalIdentifier(request.CategoryId);
        var assigneeId = ValidationRules.ParseOptionalIdentifier(request.AssigneeAccountId);
        var scope = $"queue|{request.Status}|{request.Type}|{categoryId}|{assigneeId}|{request.OverdueOnly}|{request.SlaState}|{request.EscalatedOnly}";
        var after = PageToken.Decode(request.PageToken, scope, hasher);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.Tickets.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (request.Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }

        if (categoryId is { } category)
        {
            query = query.Where(t => t.CategoryId == category);
        }
        else if (!user.IsSupervising())
        {
            var callerId = user.AccountId;
            var own = db.StaffCategories.Where(s => s.AccountId == callerId);
            query = query.Where(t => !own.Any() || own.Any(s => s.CategoryId == t.CategoryId));
        }

        if (assigneeId is { } assignee)
        {
            query = query.Where(t => t.AssigneeAccountId == assignee);
        }

        if (request.OverdueOnly)
        {
            // Ticket.IsOverdue, in a form the database can run.
            var now = clock.GetUtcNow();
            var onClock = Ticket.StatusesOnTheClock;
            query = query.Where(t => onClock.Contains(t.Status) && t.PausedSince == null && t.DueTime < now);
        }

        if (request.EscalatedOnly)
        {
            query = query.Where(t => t.Escalated);
        }

        if (request.SlaState is { } sla)
        {
            query = WithSlaState(query, sla, clock.GetUtcNow());
        }

        if (after is { } position)
        {
            query = query.Where(t => t.DueTime > position.Time
                || (t.DueTime == position.Time && t.Id.CompareTo(position.Id) > 0));
        }

        var rows = await query
            .OrderBy(t => t.DueTime)
            .ThenBy(t => t.Id)
            .Take(size + 1)
            .Select(TicketViews.Summary)
            .ToListAsync(cancellationToken);

        var (page, nextToken) = PageSize.Split(rows, size, scope, hasher, t => new PagePosition(t.DueTime, t.TicketId));
        return new TicketPage(page, nextToken);
    }

    /// <summary>
    /// <see cref="SlaPolicy.StateOf"/> in a form the database can run, so the filter pages in SQL:
    /// BREACHED and PAUSED are exact; AT_RISK is the stored notice of the escalation job (raised once
    /// per due time, see <c>SlaEscalationJob</c>), so a ticket lists as AT_RISK from the job's next pass.
    /// </summary>
    private static IQueryable<Ticket> WithSlaState(IQueryable<Ticket> query, SlaState state, DateTimeOffset now)
    {
        var onClock = Ticket.StatusesOnTheClock;
        return state switch
        {
            SlaState.Paused => query.Where(t => t.PausedSince != null),
            SlaState.Breached => query.Where(t => (onClock.Contains(t.Status) && t.PausedSince == null && t.DueTime < now)
                || (!onClock.Contains(t.Status) && t.PausedSince == null && t.Escalated)),
            SlaState.AtRisk => query.Where(t => onClock.Contains(t.Status) && t.PausedSince == null && t.DueTime >= now && t.SlaAtRiskFor == t.DueTime),
            _ => query.Where(t => (onClock.Contains(t.Status) && t.PausedSince == null && t.DueTime >= now
                    && (t.SlaAtRiskFor == null || t.SlaAtRiskFor != t.DueTime))
                || (!onClock.Contains(t.Status) && t.PausedSince == null && !t.Escalated)),
        };
    }
}
