using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Refuses a ticket (out of scope, a duplicate) with a reason the submitter sees. The submitter is told by SMS.</summary>
public sealed record RejectTicketCommand(string TicketId, string Reason) : IRequest<StaffTicketDto>;

public sealed class RejectTicketCommandValidator : AbstractValidator<RejectTicketCommand>
{
    public RejectTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Reason).RequiredText(TicketLimits.Reason);
    }
}

public sealed class RejectTicketCommandHandler(
    TicketStore tickets, SubmitterNotifications notifications, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RejectTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(RejectTicketCommand request, CancellationToken cancellationToken)
    {
        var role = user.RequireStaff();
        var ticket = await tickets.GetAsync(Guid.Parse(request.TicketId), cancellationToken);
        var now = clock.GetUtcNow();
        ticket.Reject(user.AccountId, role, TextInput.Clean(request.Reason), now);
        await notifications.QueueAsync(ticket, TicketNotice.Rejected, now, cancellationToken);
        await tickets.SaveAsync(ticket, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
