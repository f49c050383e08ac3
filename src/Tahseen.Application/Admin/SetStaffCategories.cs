using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Admin;

/// <summary>
/// Replaces the categories a staff member works (empty: none). New tickets of those categories may be
/// assigned to them automatically, and their queue shows those categories by default. Audited.
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record SetStaffCategoriesCommand(string AccountId, IReadOnlyList<string> CategoryIds, string? RequestId = null)
    : IRequest<AccountDto>, IIdempotentCommand;

public sealed class SetStaffCategoriesCommandValidator : AbstractValidator<SetStaffCategoriesCommand>
{
    /// <summary>More than every category the service has ever had; a bound on the request, not a rule of the desk.</summary>
    public const int MaxCategories = 100;

    public SetStaffCategoriesCommandValidator()
    {
        RuleFor(c => c.AccountId).Identifier();
        RuleFor(c => c.CategoryIds)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .Must(ids => ids is null || ids.Count <= MaxCategories).WithReason(ErrorReason.ValueOutOfRange, 0, MaxCategories);
        RuleForEach(c => c.CategoryIds).Identifier();
    }
}

public sealed class SetStaffCategoriesCommandHandler(IApplicationDbContext db, ICurrentUser user, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<SetStaffCategoriesCommand, AccountDto>
{
    public async Task<AccountDto> Handle(SetStaffCategoriesCommand request, CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(request.AccountId);
        var categoryIds = request.CategoryIds.Select(Guid.Parse).Distinct().Order().ToList();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            throw new TahseenException(await db.ServiceAccounts.AnyAsync(s => s.Id == accountId, cancellationToken)
                ? ErrorReason.AccountNotStaff
                : ErrorReason.AccountNotFound);
        }

        if (!account.IsStaff || account.IsErased)
        {
            throw new TahseenException(ErrorReason.AccountNotStaff);
        }

        var categories = await db.Categories.AsNoTracking()
            .Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Active })
            .ToListAsync(cancellationToken);
        if (categories.Count != categoryIds.Count)
        {
            throw TahseenException.ForField("category_ids", ErrorReason.CategoryNotFound);
        }

        if (categories.Any(c => !c.Active))
        {
            throw TahseenException.ForField("category_ids", ErrorReason.CategoryInactive);
        }

        // The account's row first: two changes to one staff member's set take turns (the SQLite write
        // lock, the row lock on PostgreSQL), so the delete-then-insert never meets the other's rows.
        var now = clock.GetUtcNow();
        await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdateTime, now), cancellationToken);
        var before = await db.StaffCategories.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => s.CategoryId).ToListAsync(cancellationToken);
        if (!before.Order().SequenceEqual(categoryIds))
        {
            await db.StaffCategories.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            db.StaffCategories.AddRange(categoryIds.Select(id => new StaffCategory(accountId, id)));
            var detail = $"{categoryIds.Count} by {user.AccountId}: {string.Join(",", categoryIds)}";
            securityLog.Record(SecurityEventKind.StaffCategoriesChanged, accountId, detail.Length <= SecurityEvent.MaxDetailLength ? detail : detail[..SecurityEvent.MaxDetailLength]);
        }

        return AccountDto.ForStaff(account) with { CategoryIds = categoryIds };
    }
}
