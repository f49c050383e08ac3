using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>The answer that settles the ticket. The submitter is told by SMS.</summary>
public sealed record ResolveTicketCommand(string TicketId, string Body) : IRequest<StaffTicketDto>;

public sealed class ResolveTicketCommandValidator : AbstractValidator<ResolveTicketCommand>
{
    public ResolveTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class ResolveTicketCommandHandler(
    TicketStore tickets, SubmitterNotifications notifications, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ResolveTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(ResolveTicketCommand request, CancellationToken cancellationToken)
    {
        var role = user.RequireStaff();
        var ticket = await tickets.GetAsync(Guid.Parse(request.TicketId), cancellationToken);
        var now = clock.GetUtcNow();
        ticket.Resolve(user.AccountId, role, TextInput.Clean(request.Body), now);
        await notifications.QueueAsync(ticket, TicketNotice.Resolved, now, cancellationToken);
        await tickets.SaveAsync(ticket, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
