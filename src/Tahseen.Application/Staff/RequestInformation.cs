using FluentValidation;
using MediatR;
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

public sealed class RequestInformationCommandHandler(DeskChanges desk) : IRequestHandler<RequestInformationCommand, StaffTicketDto>
{
    public Task<StaffTicketDto> Handle(RequestInformationCommand request, CancellationToken cancellationToken)
    {
        var body = TextInput.Clean(request.Body);
        return desk.ApplyAsync(request.TicketId, (ticket, staffId, role, now) => ticket.RequestInformation(staffId, role, body, now), TicketNotice.InformationRequested, cancellationToken);
    }
}
