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
/// A supervisor decides an appealed complaint; never the staff member who resolved or rejected it
/// (PERMISSION_DENIED APPEAL_SELF_DECISION). UPHOLD: back IN_PROGRESS with a new due time (the type's
/// working days from now), given to the least-loaded other active staff member of the category, or to
/// the queue. DISMISS: CLOSED with APPEAL_DISMISSED. The reason goes to the submitter, who is told by SMS.
/// </summary>
[RequireRoles(RoleSets.Supervisors)]
public sealed record DecideAppealCommand(string TicketId, AppealDecision? Decision, string Reason, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class DecideAppealCommandValidator : AbstractValidator<DecideAppealCommand>
{
    public DecideAppealCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Decision)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.Reason).RequiredText(TicketLimits.Reason);
    }
}

public sealed class DecideAppealCommandHandler(
    IApplicationDbContext db,
    ICurrentUser user,
    DueTimePolicy dueTimePolicy,
    WorkingCalendar calendar,
    TicketAutoAssigner assigner,
    TimeProvider clock) : IRequestHandler<DecideAppealCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(DecideAppealCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = request.Decision!.Value;
        var reason = TextInput.Clean(request.Reason);
        if (ticket.Status != TicketStatus.Appealed || ticket.SettledByAccountId == user.AccountId)
        {
            // Refused by the domain as such, before anyone is picked.
            ticket.DecideAppeal(user.AccountId, user.DeskRole(), decision, reason, now, now, null);
        }

        (Guid, string)? assignee = null;
        if (decision == AppealDecision.Uphold)
        {
            // Someone other than whoever settled it looks again.
            assignee = await assigner.PickLeastLoadedAsync(ticket.CategoryId, ticket.SettledByAccountId, cancellationToken);
        }

        ticket.DecideAppeal(
            user.AccountId, user.DeskRole(), decision, reason, now, dueTimePolicy.DueTime(ticket.Type, now, calendar), assignee);
        if (assignee is { } chosen)
        {
            await assigner.TouchAsync(chosen.Item1, now, cancellationToken);
        }

        return TicketViews.ToStaff(ticket);
    }
}
