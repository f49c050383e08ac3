using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>Files a new ticket, idempotently: the submitter's request id names the submission.</summary>
[RequireRoles(RoleSets.People)]
public sealed record SubmitTicketCommand(string RequestId, TicketType? Type, string CategoryId, string Subject, string Description)
    : IRequest<TicketDto>;

public sealed class SubmitTicketCommandValidator : AbstractValidator<SubmitTicketCommand>
{
    public SubmitTicketCommandValidator()
    {
        RuleFor(c => c.RequestId).Identifier();
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
    TimeProvider clock) : IRequestHandler<SubmitTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(SubmitTicketCommand request, CancellationToken cancellationToken)
    {
        var submitterId = user.AccountId;
        var requestId = Guid.Parse(request.RequestId);
        var type = request.Type!.Value;
        var categoryId = Guid.Parse(request.CategoryId);
        var subject = TextInput.Clean(request.Subject);
        var description = TextInput.Clean(request.Description);
        var fingerprint = Ticket.ComputeFingerprint(type, categoryId, subject, description);

        // A retry comes before any other check: it gets its ticket even if, say, the category has
        // been retired since.
        if (await FindSubmissionAsync(submitterId, requestId, cancellationToken) is { } earlier)
        {
            return Replay(earlier, fingerprint);
        }

        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Id == categoryId)
            .Select(c => new { c.Active })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.CategoryNotFound);
        if (!category.Active)
        {
            throw new TahseenException(ErrorReason.CategoryInactive);
        }

        var now = clock.GetUtcNow();
        var dueTime = dueTimePolicy.DueTime(type, now, calendar);
        var year = now.ToOffset(calendar.UtcOffset).Year;

        // The unit of work holds the database's write lock from here to commit, so two identical
        // requests cannot both pass the lookup above; the unique (submitter, request id) index backs it.
        var referenceNumber = await numbers.NextAsync(year, cancellationToken);
        var ticket = Ticket.Submit(submitterId, requestId, type, categoryId, subject, description, referenceNumber, dueTime, now);
        db.Tickets.Add(ticket);
        return TicketViews.ToPublic(ticket);
    }

    private Task<Ticket?> FindSubmissionAsync(Guid submitterId, Guid requestId, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SubmitterAccountId == submitterId && t.SubmitterRequestId == requestId, cancellationToken);

    private static TicketDto Replay(Ticket earlier, string fingerprint) =>
        earlier.RequestFingerprint == fingerprint
            ? TicketViews.ToPublic(earlier)
            : throw new TahseenException(ErrorReason.RequestIdReused);
}
