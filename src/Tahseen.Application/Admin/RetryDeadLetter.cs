using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>
/// Queues a dead-lettered outbox event again, with a fresh count of attempts, once an admin has dealt
/// with what made it fail (a gateway down for days, a fixed bug). The event's consumers are idempotent
/// by event id, so a retry repeats nothing that already happened. Audited.
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record RetryDeadLetterCommand(string EventId, string? RequestId = null)
    : IRequest<DeadLetterDto>, IIdempotentCommand;

public sealed class RetryDeadLetterCommandValidator : AbstractValidator<RetryDeadLetterCommand>
{
    public RetryDeadLetterCommandValidator() => RuleFor(c => c.EventId).Identifier();
}

public sealed class RetryDeadLetterCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RetryDeadLetterCommand, DeadLetterDto>
{
    public const string AuditAction = "DEAD_LETTER_RETRIED";

    public async Task<DeadLetterDto> Handle(RetryDeadLetterCommand request, CancellationToken cancellationToken)
    {
        var eventId = Guid.Parse(request.EventId);
        var now = clock.GetUtcNow();

        // One conditional update: of overlapping retries of one event exactly one queues it again.
        var requeued = await db.OutboxEvents
            .Where(e => e.EventId == eventId && e.DeadLetterTime != null)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(e => e.DeadLetterTime, (DateTimeOffset?)null)
                    .SetProperty(e => e.AttemptCount, 0)
                    .SetProperty(e => e.NextAttemptTime, now),
                cancellationToken);
        if (requeued == 0)
        {
            throw new TahseenException(ErrorReason.DeadLetterNotFound);
        }

        var outboxEvent = await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.EventId == eventId, cancellationToken);
        db.AuditEvents.Add(new AuditEvent(
            now, user.AccountId, AuditAction, "outbox_event", eventId.ToString(), $"{outboxEvent.EventType} cursor {outboxEvent.Cursor}"));
        return DeadLetterDto.From(outboxEvent);
    }
}
