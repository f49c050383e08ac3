using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>A public answer to the submitter; the ticket stays open. The submitter is told by SMS.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ReplyToTicketCommand(string TicketId, string Body, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class ReplyToTicketCommandValidator : AbstractValidator<ReplyToTicketCommand>
{
    public ReplyToTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class ReplyToTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ReplyToTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ReplyToTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.Reply(user.AccountId, user.DeskRole(), TextInput.Clean(request.Body), clock.GetUtcNow());
        return TicketViews.ToStaff(ticket);
    }
}
