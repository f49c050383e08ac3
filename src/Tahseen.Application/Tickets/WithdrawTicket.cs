using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Staff;

namespace Tahseen.Application.Tickets;

/// <summary>The submitter takes back a ticket that is not resolved yet.</summary>
[RequireRoles(RoleSets.People)]
public sealed record WithdrawTicketCommand(string TicketId, string? Reason, string? RequestId = null)
    : IRequest<TicketDto>, IIdempotentCommand;

public sealed class WithdrawTicketCommandValidator : AbstractValidator<WithdrawTicketCommand>
{
    public WithdrawTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Reason).OptionalText(TicketLimits.Reason);
    }
}

public sealed class WithdrawTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<WithdrawTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(WithdrawTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetOwnTicketAsync(request.TicketId, user.AccountId, cancellationToken);
        ticket.Withdraw(user.AccountId, TextInput.Clean(request.Reason), clock.GetUtcNow(), pauses.Current);
        return TicketViews.ToPublic(ticket);
    }
}
