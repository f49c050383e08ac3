using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Integration;

/// <summary>A ticket by the reference number people quote on the phone and in letters.</summary>
[RequireRoles(AccountRoles.Integration, Scope = Scopes.TicketsRead)]
public sealed record GetTicketByReferenceQuery(string ReferenceNumber) : IRequest<TicketDto>;

public sealed class GetTicketByReferenceQueryValidator : AbstractValidator<GetTicketByReferenceQuery>
{
    public GetTicketByReferenceQueryValidator() => RuleFor(q => q.ReferenceNumber).RequiredText(20);
}

public sealed class GetTicketByReferenceQueryHandler(IApplicationDbContext db) : IRequestHandler<GetTicketByReferenceQuery, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicketByReferenceQuery request, CancellationToken cancellationToken)
    {
        var reference = request.ReferenceNumber.Trim().ToUpperInvariant();
        return await db.Tickets.AsNoTracking()
            .Where(t => t.ReferenceNumber == reference)
            .Select(TicketViews.Public)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
    }
}
