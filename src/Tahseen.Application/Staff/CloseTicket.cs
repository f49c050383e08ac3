using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Closes a resolved ticket without waiting for the submitter's rating.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record CloseTicketCommand(string TicketId, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class CloseTicketCommandValidator : AbstractValidator<CloseTicketCommand>
{
    public CloseTicketCommandValidator() => RuleFor(c => c.TicketId).Identifier();
}

public sealed class CloseTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CloseTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(CloseTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.Close(user.AccountId, user.DeskRole(), clock.GetUtcNow());
        return TicketViews.ToStaff(ticket);
    }
}
