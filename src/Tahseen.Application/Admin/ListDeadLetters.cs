using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>
/// Outbox events whose side effects kept failing and were parked, oldest first: what an admin needs
/// to judge and retry them. Ids, type, attempts and the exception type only, never payloads or error
/// messages (they can hold personal data).
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record ListDeadLettersQuery(int PageSize, string? PageToken) : IRequest<DeadLetterPage>;

/// <param name="TicketId">The aggregate the event belongs to (every event so far is a ticket's).</param>
/// <param name="DeadLetterTime">Null once the event has been queued again.</param>
public sealed record DeadLetterDto(
    Guid EventId,
    long Cursor,
    string EventType,
    Guid TicketId,
    int AttemptCount,
    string LastErrorClass,
    DateTimeOffset CreateTime,
    DateTimeOffset? DeadLetterTime)
{
    public static DeadLetterDto From(OutboxEvent e) => new(
        e.EventId, e.Cursor, e.EventType, e.StreamId, e.AttemptCount, OutboxEvent.ErrorClassOf(e.LastError), e.OccurredTime, e.DeadLetterTime);
}

public sealed record DeadLetterPage(IReadOnlyList<DeadLetterDto> DeadLetters, string NextPageToken);

public sealed class ListDeadLettersQueryValidator : AbstractValidator<ListDeadLettersQuery>
{
    public ListDeadLettersQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class ListDeadLettersQueryHandler(IApplicationDbContext db, IKeyedHasher hasher)
    : IRequestHandler<ListDeadLettersQuery, DeadLetterPage>
{
    private const string Scope = "dead-letters";

    public async Task<DeadLetterPage> Handle(ListDeadLettersQuery request, CancellationToken cancellationToken)
    {
        var after = PageToken.Decode(request.PageToken, Scope, hasher);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.OutboxEvents.AsNoTracking().Where(e => e.DeadLetterTime != null);
        if (after is { } position)
        {
            var cursor = CursorOf(position);
            query = query.Where(e => e.Cursor > cursor);
        }

        var rows = await query.OrderBy(e => e.Cursor).Take(size + 1).ToListAsync(cancellationToken);
        var (page, nextToken) = PageSize.Split(rows, size, Scope, hasher, e => new PagePosition(e.OccurredTime, IdOf(e.Cursor)));
        return new DeadLetterPage([.. page.Select(DeadLetterDto.From)], nextToken);
    }

    // Page tokens carry a row id; an outbox event's position is its cursor, carried in the id's last 8 bytes.
    private static Guid IdOf(long cursor)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(8), cursor);
        return new Guid(bytes);
    }

    private static long CursorOf(PagePosition position) => BitConverter.ToInt64(position.Id.ToByteArray().AsSpan(8));
}
