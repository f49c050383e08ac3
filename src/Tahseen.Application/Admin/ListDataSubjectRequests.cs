using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Privacy;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;

namespace Tahseen.Application.Admin;

/// <summary>Every filter is optional (null: all).</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record ListDataSubjectRequestsQuery(
    DataSubjectRequestStatus? Status, DataSubjectRequestKind? Kind, int PageSize, string? PageToken) : IRequest<DataSubjectRequestPage>;

public sealed class ListDataSubjectRequestsQueryValidator : AbstractValidator<ListDataSubjectRequestsQuery>
{
    public ListDataSubjectRequestsQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Status).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Kind).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.PageToken).OptionalText(PageToken.MaxLength);
    }
}

/// <summary>
/// Open requests first, soonest due first (so the overdue ones, whose due time has passed, lead), then
/// completed ones by due time. The list has two parts, and a page token says which part it continues:
/// its MAC is made over the part's scope, so a token cannot be moved from one part to the other.
/// </summary>
public sealed class ListDataSubjectRequestsQueryHandler(IApplicationDbContext db, IKeyedHasher hasher, TimeProvider clock)
    : IRequestHandler<ListDataSubjectRequestsQuery, DataSubjectRequestPage>
{
    private const int OpenPart = 0;
    private const int CompletedPart = 1;

    public async Task<DataSubjectRequestPage> Handle(ListDataSubjectRequestsQuery request, CancellationToken cancellationToken)
    {
        var scope = $"dsr|{request.Status}|{request.Kind}";
        var (part, after) = Decode(request.PageToken, scope);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.DataSubjectRequests.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        const DataSubjectRequestStatus completed = DataSubjectRequestStatus.Completed;
        if (after is { } position)
        {
            query = part == OpenPart
                ? query.Where(r => r.Status == completed
                    || r.DueTime > position.Time
                    || (r.DueTime == position.Time && r.Id.CompareTo(position.Id) > 0))
                : query.Where(r => r.Status == completed
                    && (r.DueTime > position.Time || (r.DueTime == position.Time && r.Id.CompareTo(position.Id) > 0)));
        }

        var rows = await query
            .OrderBy(r => r.Status == completed ? CompletedPart : OpenPart)
            .ThenBy(r => r.DueTime)
            .ThenBy(r => r.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var page = rows.Take(size).ToList();
        var nextToken = rows.Count > size
            ? PageToken.Encode(PartScope(scope, page[^1].IsOpen ? OpenPart : CompletedPart), new PagePosition(page[^1].DueTime, page[^1].Id), hasher)
            : string.Empty;
        return new DataSubjectRequestPage([.. page.Select(r => DataSubjectRequestDto.From(r, now))], nextToken);
    }

    private (int Part, PagePosition? After) Decode(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (OpenPart, null);
        }

        foreach (var part in new[] { OpenPart, CompletedPart })
        {
            if (PageToken.TryDecode(token, PartScope(scope, part), hasher, out var position))
            {
                return (part, position);
            }
        }

        throw TahseenException.ForField(PageToken.Field, ErrorReason.PageTokenInvalid);
    }

    private static string PartScope(string scope, int part) => $"{scope}|{part}";
}
