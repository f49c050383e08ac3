using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Notifications;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// Merges a duplicate into another open ticket of the same submitter's (<see cref="Ticket.MergeInto"/>)
/// and answers the merged ticket. Both tickets are saved in one transaction, each guarded by its
/// version: of two merges of one ticket at once (into different targets, or two tickets into each
/// other), exactly one commits and the other is ABORTED, CONCURRENT_UPDATE.
/// </summary>
[RequireRoles(RoleSets.Desk)]
public sealed record MergeTicketCommand(string TicketId, string IntoTicketId, string? RequestId = null)
    : IRequest<StaffTicketDto>, IIdempotentCommand;

public sealed class MergeTicketCommandValidator : AbstractValidator<MergeTicketCommand>
{
    public MergeTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.IntoTicketId).Identifier();
    }
}

public sealed class MergeTicketCommandHandler(IApplicationDbContext db, ICurrentUser user, PauseClocks pauses, TimeProvider clock)
    : IRequestHandler<MergeTicketCommand, StaffTicketDto>
{
    public async Task<StaffTicketDto> Handle(MergeTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetTicketAsync(request.TicketId, cancellationToken);
        var target = await db.GetTicketAsync(request.IntoTicketId, cancellationToken);
        ticket.MergeInto(target, user.AccountId, user.DeskRole(), clock.GetUtcNow(), pauses.Current);
        return TicketViews.ToStaff(ticket);
    }
}

/// <summary>
/// Tells the submitter by one SMS that a ticket of theirs was merged into another, which carries on.
/// Runs from the outbox after the merge committed, so the SMS is queued exactly once.
/// </summary>
public sealed class MergeNotifications(IApplicationDbContext db, TimeProvider clock) : IDomainEventConsumer<TicketMerged>
{
    public async Task HandleAsync(TicketMerged domainEvent, CancellationToken cancellationToken)
    {
        var merged = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == domainEvent.TicketId)
            .Join(db.Accounts, t => t.SubmitterAccountId, a => a.Id, (t, a) => new { t.ReferenceNumber, a.MobileNumber, a.PersonKind, a.PreferredLanguage })
            .FirstAsync(cancellationToken);
        var into = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == domainEvent.IntoTicketId)
            .Select(t => t.ReferenceNumber)
            .FirstAsync(cancellationToken);
        if (merged.MobileNumber.Length == 0)
        {
            // The submitter's account was erased before this event was dispatched: nobody to tell.
            return;
        }

        db.SmsOutbox.Add(new SmsOutboxMessage(
            merged.MobileNumber, Text(merged.ReferenceNumber, into, withEnglish: SmsDate.WithEnglish(merged.PersonKind, merged.PreferredLanguage)), SmsKind.Notification, clock.GetUtcNow()));
    }

    /// <summary>Arabic for everyone; residents and those who prefer English get the English text after it. Reference numbers only, as in every SMS.</summary>
    public static string Text(string mergedReference, string intoReference, bool withEnglish)
    {
        var arabic = $"تحسين: تم دمج طلبك رقم {mergedReference} في طلبك رقم {intoReference}، وستتم متابعته فيه.";
        var english = $"Tahseen: your ticket {mergedReference} has been merged into your ticket {intoReference}, where it continues.";
        return withEnglish ? $"{arabic}\n{english}" : arabic;
    }
}
