using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>Accounts of every kind, oldest first, a page at a time.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record ListAccountsQuery(int PageSize, string? PageToken, AccountRoles? Role, AccountStatusView? Status) : IRequest<AccountPage>;

public sealed record AccountPage(IReadOnlyList<AccountDto> Accounts, string NextPageToken);

public sealed class ListAccountsQueryValidator : AbstractValidator<ListAccountsQuery>
{
    public ListAccountsQueryValidator()
    {
        RuleFor(q => q.PageSize).GreaterThanOrEqualTo(0).WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Role)
            .Must(role => role is null or AccountRoles.Citizen or AccountRoles.Staff or AccountRoles.Admin or AccountRoles.Supervisor)
            .WithReason(ErrorReason.FieldInvalid);
        RuleFor(q => q.Status).IsInEnum().WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class ListAccountsQueryHandler(IApplicationDbContext db, IKeyedHasher hasher)
    : IRequestHandler<ListAccountsQuery, AccountPage>
{
    public async Task<AccountPage> Handle(ListAccountsQuery request, CancellationToken cancellationToken)
    {
        var scope = $"accounts|{request.Role}|{request.Status}";
        var after = PageToken.Decode(request.PageToken, scope, hasher);
        var size = PageSize.Resolve(request.PageSize);

        var query = db.Accounts.AsNoTracking();
        if (request.Role is { } role)
        {
            query = query.Where(a => (a.Roles & role) == role);
        }

        // Throttling locks login keys, never accounts (see AccountDto), so no account is LOCKED.
        query = request.Status switch
        {
            AccountStatusView.Active => query.Where(a => a.Status == AccountStatus.Active),
            AccountStatusView.Locked => query.Where(a => false),
            AccountStatusView.Disabled => query.Where(a => a.Status == AccountStatus.Disabled),
            _ => query,
        };

        if (after is { } position)
        {
            query = query.Where(a => a.CreateTime > position.Time
                || (a.CreateTime == position.Time && a.Id.CompareTo(position.Id) > 0));
        }

        var rows = await query
            .OrderBy(a => a.CreateTime)
            .ThenBy(a => a.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);

        var (page, nextToken) = PageSize.Split(rows, size, scope, hasher, a => new PagePosition(a.CreateTime, a.Id));
        var ids = page.Select(a => a.Id).ToList();
        var categories = (await db.StaffCategories.AsNoTracking()
                .Where(s => ids.Contains(s.AccountId))
                .Select(s => new { s.AccountId, s.CategoryId })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.AccountId, s => s.CategoryId);
        return new AccountPage(
            [.. page.Select(a => AccountDto.ForStaff(a) with { CategoryIds = [.. categories[a.Id].Order()] })], nextToken);
    }
}
