using FluentValidation;
using MediatR;
using Tahseen.Application.CannedResponses;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Asks the submitter a question and waits for the answer. The submitter is told by SMS.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record RequestInformationCommand(string TicketId, string Body, string? RequestId = null, string? CannedResponseId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class RequestInformationCommandValidator : AbstractValidator<RequestInformationCommand>
{
    public RequestInformationCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.CannedResponseId).OptionalIdentifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body).When(c => string.IsNullOrEmpty(c.CannedResponseId));
        RuleFor(c => c.Body).OptionalText(TicketLimits.Body).When(c => !string.IsNullOrEmpty(c.CannedResponseId));
    }
}

public sealed class RequestInformationCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<RequestInformationCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(RequestInformationCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        await db.ClaimTicketAsync(ticket, cancellationToken);
        var message = await CannedReplies.ComposeAsync(
            db, ticket, request.CannedResponseId, TextInput.Clean(request.Body), user.AccountId, cancellationToken);
        ticket.RequestInformation(user.AccountId, user.DeskRole(), message.Body, clock.GetUtcNow(), pauses.Current, message.CannedResponseId);
        return TicketViews.ToStaff(ticket);
    }
}
