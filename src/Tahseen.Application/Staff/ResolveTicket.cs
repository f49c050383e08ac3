using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>The answer that settles the ticket. The submitter is told by SMS.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ResolveTicketCommand(string TicketId, string Body, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class ResolveTicketCommandValidator : AbstractValidator<ResolveTicketCommand>
{
    public ResolveTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class ResolveTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ResolveTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ResolveTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.Resolve(user.AccountId, user.DeskRole(), TextInput.Clean(request.Body), clock.GetUtcNow());
        return TicketViews.ToStaff(ticket);
    }
}
