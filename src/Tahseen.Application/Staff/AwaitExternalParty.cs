using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// Stops the ticket's clock while the service waits for another party (an agency, documents, a field
/// visit): a pause of the ledger with its reason and party, the ticket IN_PROGRESS, and the body told to
/// the submitter in the public thread (by SMS too). Refused with PAUSE_LIMIT_REACHED once the ticket has
/// used its pauses (Sla:MaxPauses, Sla:MaxPausedWorkingDays). The ticket's version makes the check and
/// the pause one step: of two overlapping calls for the last pause, one is refused.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record AwaitExternalPartyCommand(string TicketId, string Party, PauseReason? ReasonCode, string Body, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class AwaitExternalPartyCommandValidator : AbstractValidator<AwaitExternalPartyCommand>
{
    public AwaitExternalPartyCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Party).RequiredText(TicketLimits.Party);
        // The submitter is waited for by asking a question (RequestInformation), not by this call.
        RuleFor(c => c.ReasonCode)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .IsInEnum().WithReason(ErrorReason.FieldInvalid)
            .Must(r => r != PauseReason.WaitingForCitizen).WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class AwaitExternalPartyCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<AwaitExternalPartyCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(AwaitExternalPartyCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        await db.ClaimTicketAsync(ticket, cancellationToken);
        ticket.AwaitExternalParty(
            user.AccountId,
            user.DeskRole(),
            request.ReasonCode!.Value,
            TextInput.Clean(request.Party),
            TextInput.Clean(request.Body),
            clock.GetUtcNow(),
            pauses.Current);
        return TicketViews.ToStaff(ticket);
    }
}
