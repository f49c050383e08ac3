using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Asks the submitter a question and waits for the answer. The submitter is told by SMS.</summary>
public sealed record RequestInformationCommand(string TicketId, string Body) : IRequest<StaffTicketDto>;

public sealed class RequestInformationCommandValidator : AbstractValidator<RequestInformationCommand>
{
    public RequestInformationCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class RequestInformationCommandHandler(
    TicketStore tickets, SubmitterNotifications notifications, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RequestInformationCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(RequestInformationCommand request, CancellationToken cancellationToken)
    {
        var role = user.RequireStaff();
        var ticket = await tickets.GetAsync(Guid.Parse(request.TicketId), cancellationToken);
        var now = clock.GetUtcNow();
        ticket.RequestInformation(user.AccountId, role, TextInput.Clean(request.Body), now);
        await notifications.QueueAsync(ticket, TicketNotice.InformationRequested, now, cancellationToken);
        await tickets.SaveAsync(ticket, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
