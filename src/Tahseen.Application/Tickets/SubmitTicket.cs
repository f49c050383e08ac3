using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Staff;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>
/// Files a new ticket. The request id is required here (a citizen's retry must never file a second
/// ticket) and works as for every idempotent command: a retry gets the same ticket back, never counted
/// against the requester's limits (<see cref="RequesterLimits"/>) a second time. The answer also lists
/// the submitter's other tickets that may be about the same matter (<see cref="PossibleDuplicates"/>);
/// the ticket is filed all the same.
/// </summary>
[RequireRoles(RoleSets.People)]
public sealed record SubmitTicketCommand(string RequestId, TicketType? Type, string CategoryId, string Subject, string Description)
    : IRequest<SubmittedTicketDto>, IIdempotentCommand;

/// <summary>The new ticket, and the submitter's others that read like it.</summary>
public sealed record SubmittedTicketDto(TicketDto Ticket, IReadOnlyList<PossibleDuplicateDto> PossibleDuplicates);

public sealed class SubmitTicketCommandValidator : AbstractValidator<SubmitTicketCommand>
{
    public SubmitTicketCommandValidator()
    {
        RuleFor(c => c.RequestId).Required();
        RuleFor(c => c.Type)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.CategoryId).Identifier();
        RuleFor(c => c.Subject).RequiredText(TicketLimits.Subject);
        RuleFor(c => c.Description).RequiredText(TicketLimits.Body);
    }
}

public sealed class SubmitTicketCommandHandler(
    IApplicationDbContext db,
    ICurrentUser user,
    ITicketNumbers numbers,
    DueTimePolicy dueTimePolicy,
    WorkingCalendar calendar,
    TicketAutoAssigner autoAssigner,
    IOptions<DuplicateOptions> duplicates,
    RequesterLimits limits,
    TimeProvider clock) : IRequestHandler<SubmitTicketCommand, SubmittedTicketDto>
{
    public async Task<SubmittedTicketDto> Handle(SubmitTicketCommand request, CancellationToken cancellationToken)
    {
        var type = request.Type!.Value;
        var categoryId = Guid.Parse(request.CategoryId);
        var subject = TextInput.Clean(request.Subject);
        var description = TextInput.Clean(request.Description);

        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Id == categoryId)
            .Select(c => new { c.Active })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.CategoryNotFound);
        if (!category.Active)
        {
            throw new TahseenException(ErrorReason.CategoryInactive);
        }

        // The requester's lock first, then the counts it guards (a retry of an accepted submit never gets
        // here: the idempotency behaviour answers it with the first ticket).
        var limit = await limits.LockAsync(user.AccountId, cancellationToken);
        var now = clock.GetUtcNow();
        await limits.CheckSubmitAsync(limit, now, cancellationToken);

        var dueTime = dueTimePolicy.DueTime(type, now, calendar);
        var year = now.ToOffset(calendar.UtcOffset).Year;

        var referenceNumber = await numbers.NextAsync(year, cancellationToken);
        var ticket = Ticket.Submit(user.AccountId, type, categoryId, subject, description, referenceNumber, dueTime, now);
        var possibleDuplicates = await PossibleDuplicates.FindAsync(
            db, ticket.Id, user.AccountId, categoryId, subject, description, duplicates.Value.Threshold, now, cancellationToken);
        db.Tickets.Add(ticket);
        if (limit.ActiveAt(now) == RequesterRestriction.ReviewBeforeQueue)
        {
            // Filed, but nobody works it before a supervisor lets it into the queue.
            ticket.HoldForReview(now);
        }
        else
        {
            await autoAssigner.AssignNewAsync(ticket, now, cancellationToken);
        }

        return new SubmittedTicketDto(TicketViews.ToPublic(ticket), possibleDuplicates);
    }
}
