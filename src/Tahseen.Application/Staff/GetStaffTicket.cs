using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Staff;

/// <summary>Any ticket, with its internal notes and full history.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record GetStaffTicketQuery(string TicketId) : IRequest<StaffTicketDto>;

public sealed class GetStaffTicketQueryValidator : AbstractValidator<GetStaffTicketQuery>
{
    public GetStaffTicketQueryValidator() => RuleFor(q => q.TicketId).Identifier();
}

public sealed class GetStaffTicketQueryHandler(IApplicationDbContext db) : IRequestHandler<GetStaffTicketQuery, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(GetStaffTicketQuery request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
        return TicketViews.ToStaff(ticket);
    }
}
