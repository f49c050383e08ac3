using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// The answer that settles the ticket, with an outcome valid for its type; a suggestion under study
/// also names the day it comes back. The submitter is told by SMS. A missing outcome is the domain's
/// to refuse (OUTCOME_REQUIRED), since which outcomes are valid depends on the ticket.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record ResolveTicketCommand(
    string TicketId, string Body, string? RequestId = null, TicketOutcome? Outcome = null, string? FollowUpDate = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class ResolveTicketCommandValidator : AbstractValidator<ResolveTicketCommand>
{
    public ResolveTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
        RuleFor(c => c.Outcome).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.FollowUpDate).OptionalCalendarDate();
    }
}

public sealed class ResolveTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<ResolveTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ResolveTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.Resolve(
            user.AccountId,
            user.DeskRole(),
            TextInput.Clean(request.Body),
            request.Outcome,
            clock.GetUtcNow(),
            ValidationRules.ParseOptionalCalendarDate(request.FollowUpDate),
            pauses.Current);
        return TicketViews.ToStaff(ticket);
    }
}
