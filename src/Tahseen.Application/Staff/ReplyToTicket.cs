using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>A public answer to the submitter; the ticket stays open. The submitter is told by SMS.</summary>
public sealed record ReplyToTicketCommand(string TicketId, string Body) : IRequest<StaffTicketDto>;

public sealed class ReplyToTicketCommandValidator : AbstractValidator<ReplyToTicketCommand>
{
    public ReplyToTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class ReplyToTicketCommandHandler(
    TicketStore tickets, SubmitterNotifications notifications, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ReplyToTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ReplyToTicketCommand request, CancellationToken cancellationToken)
    {
        var role = user.RequireStaff();
        var ticket = await tickets.GetAsync(Guid.Parse(request.TicketId), cancellationToken);
        var now = clock.GetUtcNow();
        ticket.Reply(user.AccountId, role, TextInput.Clean(request.Body), now);
        await notifications.QueueAsync(ticket, TicketNotice.Replied, now, cancellationToken);
        await tickets.SaveAsync(ticket, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
