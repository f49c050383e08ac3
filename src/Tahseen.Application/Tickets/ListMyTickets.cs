using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>The caller's tickets, newest first, a page at a time, each without its thread (<see cref="TicketViews.Summary"/>).</summary>
[RequireRoles(RoleSets.People)]
public sealed record ListMyTicketsQuery(int PageSize, string? PageToken, TicketStatus? Status, TicketType? Type) : IRequest<TicketPage>;

public sealed class ListMyTicketsQueryValidator : AbstractValidator<ListMyTicketsQuery>
{
    public ListMyTicketsQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Status).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Type).IsInEnum().WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class ListMyTicketsQueryHandler(IApplicationDbContext db, ICurrentUser user, IKeyedHasher hasher) : IRequestHandler<ListMyTicketsQuery, TicketPage>
{
    public async Task<TicketPage> Handle(ListMyTicketsQuery request, CancellationToken cancellationToken)
    {
        var submitterId = user.AccountId;
        var scope = $"my-tickets|{submitterId}|{request.Status}|{request.Type}";
        var after = PageToken.Decode(request.PageToken, scope, hasher);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.Tickets.AsNoTracking().Where(t => t.SubmitterAccountId == submitterId);
        if (request.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (request.Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }

        // Keyset paging on (create time, id), newest first: tickets filed while the client pages
        // sort before the position it holds, so they never shift the rows it has yet to see.
        if (after is { } position)
        {
            query = query.Where(t => t.CreateTime < position.Time
                || (t.CreateTime == position.Time && t.Id.CompareTo(position.Id) < 0));
        }

        var rows = await query
            .OrderByDescending(t => t.CreateTime)
            .ThenByDescending(t => t.Id)
            .Take(size + 1)
            .Select(TicketViews.Summary)
            .ToListAsync(cancellationToken);

        var (page, nextToken) = PageSize.Split(rows, size, scope, hasher, t => new PagePosition(t.CreateTime, t.TicketId));
        return new TicketPage(page, nextToken);
    }
}
