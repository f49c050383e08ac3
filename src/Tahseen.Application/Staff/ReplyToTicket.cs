using FluentValidation;
using MediatR;
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

public sealed class ReplyToTicketCommandHandler(DeskChanges desk) : IRequestHandler<ReplyToTicketCommand, StaffTicketDto>
{
    public Task<StaffTicketDto> Handle(ReplyToTicketCommand request, CancellationToken cancellationToken)
    {
        var body = TextInput.Clean(request.Body);
        return desk.ApplyAsync(request.TicketId, (ticket, staffId, role, now) => ticket.Reply(staffId, role, body, now), TicketNotice.Replied, cancellationToken);
    }
}
