using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Staff;

/// <summary>Staff bookkeeping on a ticket, signed with the author's name and never shown to the submitter.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record AddInternalNoteCommand(string TicketId, string Body, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class AddInternalNoteCommandValidator : AbstractValidator<AddInternalNoteCommand>
{
    public AddInternalNoteCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Body).RequiredText(TicketLimits.Body);
    }
}

public sealed class AddInternalNoteCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddInternalNoteCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(AddInternalNoteCommand request, CancellationToken cancellationToken)
    {
        var role = user.DeskRole();
        var authorId = user.AccountId;
        var authorName = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == authorId)
            .Select(a => a.FullName)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.TokenInvalid);

        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        ticket.AddInternalNote(authorId, authorName, role, TextInput.Clean(request.Body), clock.GetUtcNow());
        return TicketViews.ToStaff(ticket);
    }
}
