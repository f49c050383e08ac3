using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>The audit log, newest first, a page at a time; every filter is optional.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record ListAuditEventsQuery(
    int PageSize,
    string? PageToken,
    string? ActorAccountId,
    string? Action,
    string? SubjectId,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime) : IRequest<AuditEventPage>;

/// <summary>An audit line; <see cref="Unreadable"/> when a stored value was edited into something that cannot be read.</summary>
public sealed record AuditEventDto(
    long Sequence,
    DateTimeOffset? CreateTime,
    Guid? ActorAccountId,
    string Action,
    string SubjectType,
    string SubjectId,
    string Detail,
    string PreviousHash,
    string Hash,
    bool Unreadable);

public sealed record AuditEventPage(IReadOnlyList<AuditEventDto> Events, string NextPageToken);

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.ActorAccountId).Must(id => Guid.TryParse(id, out _)).WithReason(ErrorReason.FieldInvalid)
            .When(q => !string.IsNullOrEmpty(q.ActorAccountId));
        RuleFor(q => q.Action).OptionalText(AuditEvent.MaxActionLength);
        RuleFor(q => q.SubjectId).OptionalText(AuditEvent.MaxSubjectLength);
        RuleFor(q => q.EndTime).GreaterThan(q => q.StartTime).WithReason(ErrorReason.FieldInvalid)
            .When(q => q.StartTime is not null && q.EndTime is not null);
    }
}

/// <summary>
/// The filters run in the database and select sequences; the lines themselves are read from their
/// stored values, so a row edited behind the service's back is listed as unreadable (and named by
/// VerifyAuditChain) instead of failing the page.
/// </summary>
public sealed class ListAuditEventsQueryHandler(IApplicationDbContext db, IAuditEventReader reader, IKeyedHasher hasher)
    : IRequestHandler<ListAuditEventsQuery, AuditEventPage>
{
    public async Task<AuditEventPage> Handle(ListAuditEventsQuery request, CancellationToken cancellationToken)
    {
        var action = request.Action?.Trim().ToUpperInvariant();
        var subject = request.SubjectId?.Trim();
        var scope = $"audit|{request.ActorAccountId}|{action}|{subject}|{request.StartTime?.UtcTicks}|{request.EndTime?.UtcTicks}";
        var after = PageToken.Decode(request.PageToken, scope, hasher);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(request.ActorAccountId))
        {
            var actor = Guid.Parse(request.ActorAccountId);
            query = query.Where(e => e.ActorAccountId == actor);
        }

        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrEmpty(subject))
        {
            query = query.Where(e => e.SubjectId == subject);
        }

        if (request.StartTime is { } start)
        {
            query = query.Where(e => e.Time >= start);
        }

        if (request.EndTime is { } end)
        {
            query = query.Where(e => e.Time < end);
        }

        if (after is { } position)
        {
            var before = SequenceOf(position);
            query = query.Where(e => e.Sequence < before);
        }

        var sequences = await query.OrderByDescending(e => e.Sequence).Select(e => e.Sequence).Take(size + 1).ToListAsync(cancellationToken);
        var rows = await reader.ReadAsync(sequences, cancellationToken);
        var (page, nextToken) = PageSize.Split(rows, size, scope, hasher, e => new PagePosition(e.Time ?? DateTimeOffset.UnixEpoch, IdOf(e.Sequence)));
        return new AuditEventPage(
            [.. page.Select(e => new AuditEventDto(
                e.Sequence, e.Time, e.ActorAccountId, e.Action, e.SubjectType, e.SubjectId, e.Detail, e.PreviousHash, e.Hash, e.Unreadable))],
            nextToken);
    }

    // Page tokens carry a row id; an audit line's id is its sequence, carried in the id's last 8 bytes.
    private static Guid IdOf(long sequence)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(8), sequence);
        return new Guid(bytes);
    }

    private static long SequenceOf(PagePosition position) => BitConverter.ToInt64(position.Id.ToByteArray().AsSpan(8));
}
