using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Refuses a ticket (out of scope, a duplicate) with a reason the submitter sees. The submitter is told by SMS.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record RejectTicketCommand(string TicketId, string Reason, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class RejectTicketCommandValidator : AbstractValidator<RejectTicketCommand>
{
    public RejectTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Reason).RequiredText(TicketLimits.Reason);
    }
}

public sealed class RejectTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<RejectTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(RejectTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.Reject(user.AccountId, user.DeskRole(), TextInput.Clean(request.Reason), clock.GetUtcNow(), pauses.Current);
        return TicketViews.ToStaff(ticket);
    }
}
