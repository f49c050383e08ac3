using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Observability;
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

public sealed class ResolveTicketCommandHandler(DeskChanges desk) : IRequestHandler<ResolveTicketCommand, StaffTicketDto>
{
    public Task<StaffTicketDto> Handle(ResolveTicketCommand request, CancellationToken cancellationToken)
    {
        var body = TextInput.Clean(request.Body);
        return RecordAsync(desk.ApplyAsync(request.TicketId, (ticket, staffId, role, now) => ticket.Resolve(staffId, role, body, now), TicketNotice.Resolved, cancellationToken));
    }

    private static async Task<StaffTicketDto> RecordAsync(Task<StaffTicketDto> resolving)
    {
        var resolved = await resolving;
        var type = new KeyValuePair<string, object?>("type", resolved.Ticket.Type.ToString());
        TahseenMetrics.TicketsResolved.Add(1, type);
        if (resolved.Ticket.UpdateTime > resolved.Ticket.DueTime)
        {
            TahseenMetrics.TicketsBreached.Add(1, type);
        }

        return resolved;
    }
}
