using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Staff;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>The submitter writes in the public thread: an answer to a question, or a reopening of a resolved ticket.</summary>
[RequireRoles(RoleSets.People)]
public sealed record AddTicketMessageCommand(string TicketId, string Body, string? RequestId = null)
    : IRequest<TicketDto>, IIdempotentCommand;

public sealed class AddTicketMessageCommandValidator : AbstractValidator<AddTicketMessageCommand>
{
    public AddTicketMessageCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class AddTicketMessageCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<AddTicketMessageCommand, TicketDto>
{
    public async Task<TicketDto> Handle(AddTicketMessageCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetOwnTicketAsync(request.TicketId, user.AccountId, cancellationToken);
        ticket.AddCitizenMessage(user.AccountId, TextInput.Clean(request.Body), clock.GetUtcNow(), Ticket.DefaultReopenWindow, pauses.Current);
        return TicketViews.ToPublic(ticket);
    }
}
