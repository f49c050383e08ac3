using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Staff;

/// <summary>
/// Any ticket, with its internal notes, full history and its submitter masked. A masked view is not
/// audited; seeing the submitter whole takes <see cref="RevealSubmitterCommand"/>. Beside it, the
/// submitter's other tickets that may be about the same matter, as the submitter was shown at intake.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record GetStaffTicketQuery(string TicketId) : IRequest<StaffTicketWithSubmitterDto>;

public sealed record StaffTicketWithSubmitterDto(
    TicketDto Ticket,
    IReadOnlyList<InternalNoteDto> InternalNotes,
    IReadOnlyList<TicketHistoryEntryDto> History,
    SubmitterDto Submitter,
    IReadOnlyList<PossibleDuplicateDto> PossibleDuplicates);

public sealed class GetStaffTicketQueryValidator : AbstractValidator<GetStaffTicketQuery>
{
    public GetStaffTicketQueryValidator() => RuleFor(q => q.TicketId).Identifier();
}

public sealed class GetStaffTicketQueryHandler(IApplicationDbContext db, IOptions<DuplicateOptions> duplicates, TimeProvider clock)
    : IRequestHandler<GetStaffTicketQuery, StaffTicketWithSubmitterDto>
{
    public async Task<StaffTicketWithSubmitterDto> Handle(GetStaffTicketQuery request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
        var submitter = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == ticket.SubmitterAccountId, cancellationToken);
        var view = TicketViews.ToStaff(ticket);
        var possibleDuplicates = await PossibleDuplicates.FindAsync(
            db, ticket.Id, ticket.SubmitterAccountId, ticket.CategoryId, ticket.Subject, ticket.Description,
            duplicates.Value.Threshold, clock.GetUtcNow(), cancellationToken);
        return new StaffTicketWithSubmitterDto(view.Ticket, view.InternalNotes, view.History, SubmitterDto.MaskedOf(submitter), possibleDuplicates);
    }
}
