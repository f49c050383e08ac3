using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>Closes a resolved ticket without waiting for the submitter's rating.</summary>
public sealed record CloseTicketCommand(string TicketId) : IRequest<StaffTicketDto>;

public sealed class CloseTicketCommandValidator : AbstractValidator<CloseTicketCommand>
{
    public CloseTicketCommandValidator() => RuleFor(c => c.TicketId).Identifier();
}

public sealed class CloseTicketCommandHandler(DeskChanges desk) : IRequestHandler<CloseTicketCommand, StaffTicketDto>
{
    public Task<StaffTicketDto> Handle(CloseTicketCommand request, CancellationToken cancellationToken) =>
        desk.ApplyAsync(request.TicketId, (ticket, staffId, role, now) => ticket.Close(staffId, role, now), notice: null, cancellationToken);
}
