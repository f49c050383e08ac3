using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>The submitter rates a resolved ticket, which closes it.</summary>
[RequireRoles(RoleSets.People)]
public sealed record RateTicketCommand(string TicketId, int Score, string? Comment, string? RequestId = null)
    : IRequest<TicketDto>, IIdempotentCommand;

public sealed class RateTicketCommandValidator : AbstractValidator<RateTicketCommand>
{
    public RateTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Score)
            .InclusiveBetween(TicketRating.MinScore, TicketRating.MaxScore)
            .WithReason(ErrorReason.ValueOutOfRange, TicketRating.MinScore, TicketRating.MaxScore);
        RuleFor(c => c.Comment).OptionalText(TicketLimits.Reason);
    }
}

public sealed class RateTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RateTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(RateTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetOwnTicketAsync(request.TicketId, user.AccountId, cancellationToken);
        ticket.Rate(user.AccountId, request.Score, TextInput.Clean(request.Comment), clock.GetUtcNow());
        return TicketViews.ToPublic(ticket);
    }
}
