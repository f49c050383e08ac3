using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Tickets;

/// <summary>One of the caller's own tickets.</summary>
[RequireRoles(RoleSets.People)]
public sealed record GetTicketQuery(string TicketId) : IRequest<TicketDto>;

public sealed class GetTicketQueryValidator : AbstractValidator<GetTicketQuery>
{
    public GetTicketQueryValidator() => RuleFor(q => q.TicketId).Identifier();
}

public sealed class GetTicketQueryHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetTicketQuery, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicketQuery request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var submitterId = user.AccountId;
        return await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId && t.SubmitterAccountId == submitterId)
            .Select(TicketViews.Public)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
    }
}
