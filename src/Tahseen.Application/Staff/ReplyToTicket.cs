using FluentValidation;
using MediatR;
using Tahseen.Application.CannedResponses;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>A public answer to the submitter; the ticket stays open. The submitter is told by SMS.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ReplyToTicketCommand(string TicketId, string Body, string? RequestId = null, string? CannedResponseId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class ReplyToTicketCommandValidator : AbstractValidator<ReplyToTicketCommand>
{
    public ReplyToTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.CannedResponseId).OptionalIdentifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body).When(c => string.IsNullOrEmpty(c.CannedResponseId));
        RuleFor(c => c.Body).OptionalText(TicketLimits.Body).When(c => !string.IsNullOrEmpty(c.CannedResponseId));
    }
}

public sealed class ReplyToTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<ReplyToTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ReplyToTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        var message = await CannedReplies.ComposeAsync(
            db, ticket, request.CannedResponseId, TextInput.Clean(request.Body), user.AccountId, cancellationToken);
        ticket.Reply(user.AccountId, user.DeskRole(), message.Body, clock.GetUtcNow(), message.CannedResponseId, pauses.Current);
        return TicketViews.ToStaff(ticket);
    }
}
