using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : IRequest<Unit>;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).Secret(256);
        RuleFor(c => c.NewPassword).Secret(256);
    }
}

/// <summary>A new password ends every session, this one included: the client logs in again.</summary>
public sealed class ChangePasswordCommandHandler(
    IApplicationDbContext db,
    ICurrentUser caller,
    IPasswordHasher passwords,
    AccountSessions accountSessions,
    SecurityLog securityLog,
    TimeProvider clock)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        if (passwords.Verify(account.PasswordHash, request.CurrentPassword) == PasswordCheck.Failed)
        {
            throw new TahseenException(ErrorReason.InvalidCredentials);
        }

        PasswordPolicy.Default.Enforce(request.NewPassword, account.Username, account.NationalId, "new_password");
        account.ChangePassword(passwords.Hash(request.NewPassword), clock.GetUtcNow());
        securityLog.Record(SecurityEventKind.PasswordChanged, account.Id);
        await accountSessions.EndAllSessionsAsync(account.Id, cancellationToken);
        return Unit.Value;
    }
}
