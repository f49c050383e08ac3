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
/// Activates or disables an account, with the reason in the security audit log. Disabling ends every
/// session at once and, for a staff member, returns their open tickets to the queue (unassigned, with
/// history and an ASSIGNED event each) in the same transaction; whoever takes them next is chosen by
/// people, not re-balanced automatically, since the queue is where a supervisor looks.
/// </summary>
/// <param name="Status">ACTIVE or DISABLED; LOCKED is not set by hand, it comes from failed sign-ins.</param>
[RequireRoles(AccountRoles.Admin)]
public sealed record SetAccountStatusCommand(string AccountId, AccountStatusView? Status, string? Reason, string? RequestId = null)
    : IRequest<AccountDto>, IIdempotentCommand;

public sealed class SetAccountStatusCommandValidator : AbstractValidator<SetAccountStatusCommand>
{
    /// <summary>Room for the reason in the audit log's detail, after the status and the admin's id.</summary>
    public const int MaxReasonLength = SecurityEvent.MaxDetailLength - 100;

    public SetAccountStatusCommandValidator()
    {
        RuleFor(c => c.AccountId).Identifier();
        RuleFor(c => c.Status)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .Must(status => status is null or AccountStatusView.Active or AccountStatusView.Disabled).WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.Reason).OptionalText(MaxReasonLength);
    }
}

public sealed class SetAccountStatusCommandHandler(
    IApplicationDbContext db, ICurrentUser user, AccountSessions sessions, SecurityLog securityLog, ICommandLocks locks, TimeProvider clock)
    : IRequestHandler<SetAccountStatusCommand, AccountDto>
{
    public async Task<AccountDto> Handle(SetAccountStatusCommand request, CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(request.AccountId);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.AccountNotFound);

        var now = clock.GetUtcNow();
        var status = request.Status == AccountStatusView.Disabled ? AccountStatus.Disabled : AccountStatus.Active;
        if (status == AccountStatus.Disabled && !await DisableUnlessLastAdminAsync(account, cancellationToken))
        {
            throw new TahseenException(ErrorReason.LastAdmin);
        }

        account.SetStatus(status, now);
        securityLog.Record(SecurityEventKind.AccountStatusChanged, accountId, $"{status} by {user.AccountId}: {TextInput.Clean(request.Reason)}");

        if (status == AccountStatus.Disabled)
        {
            await sessions.EndAllSessionsAsync(accountId, cancellationToken);
            if (account.IsStaff)
            {
                await ReturnOpenTicketsAsync(accountId, now, cancellationToken);
            }
        }

        return AccountDto.ForStaff(account);
    }

    private async Task ReturnOpenTicketsAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = Ticket.OpenStatuses;
        var tickets = await db.Tickets.Where(t => t.AssigneeAccountId == accountId && open.Contains(t.Status)).ToListAsync(cancellationToken);
        var role = user.DeskRole();
        foreach (var ticket in tickets)
        {
            ticket.ReturnToQueue(user.AccountId, role, now);
        }
    }

    /// <summary>
    /// An admin may not disable itself (it would lock itself out mid-task), nor the last active admin
    /// (nobody could administer the service any more). For an active admin the check and the write are
    /// one conditional UPDATE under the administrators' lock: the UPDATE alone reads the other admins as
    /// they were when it started, so on PostgreSQL two admins disabling each other at the same moment
    /// could both see the other still active; with the lock, the second sees the first's commit.
    /// </summary>
    private async Task<bool> DisableUnlessLastAdminAsync(Account account, CancellationToken cancellationToken)
    {
        if (account.Id == user.AccountId)
        {
            return false;
        }

        if ((account.Roles & AccountRoles.Admin) == 0 || account.Status != AccountStatus.Active)
        {
            return true;
        }

        await locks.LockAsync(CommandLock.Administrators, cancellationToken);
        var disabled = await db.Accounts
            .Where(a => a.Id == account.Id && a.Status == AccountStatus.Active
                && db.Accounts.Any(o => o.Id != account.Id && (o.Roles & AccountRoles.Admin) == AccountRoles.Admin && o.Status == AccountStatus.Active))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccountStatus.Disabled), cancellationToken);
        return disabled == 1;
    }
}
