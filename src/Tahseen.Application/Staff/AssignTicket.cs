using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Staff;

/// <summary>
/// Gives a ticket to an active staff or admin account; to the caller when none is named. A ticket held
/// for review (its requester is under REVIEW_BEFORE_QUEUE) is released by a supervisor's assignment
/// only; anyone else is refused with TICKET_HELD_FOR_REVIEW.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record AssignTicketCommand(string TicketId, string? AssigneeAccountId, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class AssignTicketCommandValidator : AbstractValidator<AssignTicketCommand>
{
    public AssignTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.AssigneeAccountId).OptionalIdentifier();
    }
}

public sealed class AssignTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, TicketAutoAssigner assigner, TimeProvider clock)
    : IRequestHandler<AssignTicketCommand, StaffTicketDto>
{
    private const string AssigneeField = "assignee_account_id";

    public async Task<StaffTicketDto> Handle(AssignTicketCommand request, CancellationToken cancellationToken)
    {
        var role = user.DeskRole();
        var assigneeId = ValidationRules.ParseOptionalIdentifier(request.AssigneeAccountId) ?? user.AccountId;
        var assignee = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == assigneeId)
            .Select(a => new { a.FullName, a.Roles, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (assignee is null
            || assignee.Status != AccountStatus.Active
            || (assignee.Roles & AccountRoleSets.Desk) == 0)
        {
            throw TahseenException.ForField(AssigneeField, ErrorReason.FieldInvalid);
        }

        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        var now = clock.GetUtcNow();
        if (ticket.HeldForReview)
        {
            if (!user.IsSupervisor())
            {
                throw new TahseenException(ErrorReason.TicketHeldForReview);
            }

            ticket.ReleaseFromReview(user.AccountId, role, now);
        }

        ticket.Assign(assigneeId, assignee.FullName, user.AccountId, role, now);
        await assigner.TouchAsync(assigneeId, now, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
