using FluentValidation;
using MediatR;
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

public sealed class RejectTicketCommandHandler(DeskChanges desk) : IRequestHandler<RejectTicketCommand, StaffTicketDto>
{
    public Task<StaffTicketDto> Handle(RejectTicketCommand request, CancellationToken cancellationToken)
    {
        var body = TextInput.Clean(request.Reason);
        return desk.ApplyAsync(request.TicketId, (ticket, staffId, role, now) => ticket.Reject(staffId, role, body, now), TicketNotice.Rejected, cancellationToken);
    }
}
