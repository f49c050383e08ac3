using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>
/// Replaces an employee's roles (staff, supervisor, admin), with the change in the security audit log.
/// Sessions carry on: every call reads the account's current roles (see the token check), so the new
/// roles apply from the account's next call, without a new sign-in.
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record SetAccountRolesCommand(string AccountId, AccountRoles Roles, string? RequestId = null)
    : IRequest<AccountDto>, IIdempotentCommand;

public sealed class SetAccountRolesCommandValidator : AbstractValidator<SetAccountRolesCommand>
{
    public SetAccountRolesCommandValidator()
    {
        RuleFor(c => c.AccountId).Identifier();
        RuleFor(c => c.Roles)
            .NotEqual(AccountRoles.None).WithReason(ErrorReason.FieldRequired)
            .Must(roles => roles == AccountRoles.None || (roles & ~AccountRoleSets.Desk) == 0).WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class SetAccountRolesCommandHandler(
    IApplicationDbContext db, ICurrentUser user, SecurityLog securityLog, ICommandLocks locks, IAccessChanges accessChanges, UnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<SetAccountRolesCommand, AccountDto>
{
    public async Task<AccountDto> Handle(SetAccountRolesCommand request, CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(request.AccountId);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            // A service account is no person's account: it has scopes, not roles.
            throw new TahseenException(await db.ServiceAccounts.AnyAsync(s => s.Id == accountId, cancellationToken)
                ? ErrorReason.AccountNotStaff
                : ErrorReason.AccountNotFound);
        }

        var before = account.Roles;
        var now = clock.GetUtcNow();
        account.SetRoles(request.Roles, now);
        if ((before & AccountRoles.Admin) != 0 && (request.Roles & AccountRoles.Admin) == 0
            && !await RemoveAdminUnlessLastAsync(account, request.Roles, cancellationToken))
        {
            throw new TahseenException(ErrorReason.LastAdmin);
        }

        if (before != request.Roles)
        {
            securityLog.Record(SecurityEventKind.AccountRolesChanged, accountId, $"{before} -> {request.Roles} by {user.AccountId}");

            // The account's next call reads its roles again: a demoted admin loses the admin methods at once.
            unitOfWork.AfterCommit(() => accessChanges.AccountChanged(accountId));
        }

        return AccountDto.ForStaff(account);
    }

    /// <summary>
    /// Taking the admin role from an active admin never leaves no active admin. As for disabling (see
    /// <see cref="SetAccountStatusCommandHandler"/>), the check and the write are one conditional UPDATE
    /// under the administrators' lock, so two admins demoting each other at once cannot both succeed.
    /// </summary>
    private async Task<bool> RemoveAdminUnlessLastAsync(Account account, AccountRoles roles, CancellationToken cancellationToken)
    {
        if (account.Status != AccountStatus.Active)
        {
            return true;
        }

        await locks.LockAsync(CommandLock.Administrators, cancellationToken);
        var changed = await db.Accounts
            .Where(a => a.Id == account.Id
                && db.Accounts.Any(o => o.Id != account.Id && (o.Roles & AccountRoles.Admin) == AccountRoles.Admin && o.Status == AccountStatus.Active))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Roles, roles), cancellationToken);
        return changed == 1;
    }
}
