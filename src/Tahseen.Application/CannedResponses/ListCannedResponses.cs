using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.CannedResponses;

/// <summary>
/// The canned responses staff may send on a ticket of this category and type: those made for it and those
/// made for every category or type. Empty filters list them all; retired ones only when asked for
/// (admins keeping the set).
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ListCannedResponsesQuery(string? CategoryId, TicketType? Type, bool IncludeInactive)
    : IRequest<CannedResponseList>;

public sealed record CannedResponseList(IReadOnlyList<CannedResponseDto> CannedResponses);

public sealed class ListCannedResponsesQueryValidator : AbstractValidator<ListCannedResponsesQuery>
{
    public ListCannedResponsesQueryValidator()
    {
        RuleFor(q => q.CategoryId).OptionalIdentifier();
        RuleFor(q => q.Type).IsInEnum().WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class ListCannedResponsesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListCannedResponsesQuery, CannedResponseList>
{
    public async Task<CannedResponseList> Handle(ListCannedResponsesQuery request, CancellationToken cancellationToken)
    {
        var categoryId = ValidationRules.ParseOptionalIdentifier(request.CategoryId);
        var type = request.Type;
        var includeInactive = request.IncludeInactive;
        var responses = await db.CannedResponses.AsNoTracking()
            .Where(r => includeInactive || r.Active)
            .Where(r => categoryId == null || r.CategoryId == null || r.CategoryId == categoryId)
            .Where(r => type == null || r.Type == null || r.Type == type)
            .ToListAsync(cancellationToken);

        // The specific before the general, then by title: what fits the ticket best comes first.
        return new CannedResponseList(responses
            .OrderBy(r => r.CategoryId is null)
            .ThenBy(r => r.Type is null)
            .ThenBy(r => r.TitleEn, StringComparer.OrdinalIgnoreCase)
            .Select(CannedResponseDto.From)
            .ToList());
    }
}
