using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>The captcha is needed only once wrong current passwords have throttled the account's login key.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, string CaptchaId = "", string CaptchaAnswer = "")
    : IRequest<Unit>;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).Secret(256);
        RuleFor(c => c.NewPassword).Secret(256);
        RuleFor(c => c.CaptchaId).OptionalText(64);
        RuleFor(c => c.CaptchaAnswer).OptionalText(16);
    }
}

/// <summary>
/// A new password ends every session, this one included: the client logs in again. Wrong current
/// passwords are throttled on the username's login key like failed sign-ins (a stolen session cannot
/// guess without limit) and recorded in the security log.
/// </summary>
public sealed class ChangePasswordCommandHandler(
    IApplicationDbContext db,
    ICurrentUser caller,
    IPasswordHasher passwords,
    AccountSessions accountSessions,
    SignInThrottles throttles,
    SecurityLog securityLog,
    TimeProvider clock)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        var key = throttles.KeyOf(account.NormalizedUsername);
        await throttles.CountAttemptAsync(key, request.CaptchaId, request.CaptchaAnswer, cancellationToken);
        if (passwords.Verify(account.PasswordHash, request.CurrentPassword) == PasswordCheck.Failed)
        {
            securityLog.Record(SecurityEventKind.PasswordChangeFailed, account.Id);
            throw UnitOfWork.CommitThenFail(ErrorReason.InvalidCredentials);
        }

        await throttles.ResetAsync(key, cancellationToken);

        PasswordPolicy.Default.Enforce(request.NewPassword, account.Username, account.NationalId, "new_password");
        account.ChangePassword(passwords.Hash(request.NewPassword), clock.GetUtcNow());
        securityLog.Record(SecurityEventKind.PasswordChanged, account.Id);
        await accountSessions.EndAllSessionsAsync(account.Id, cancellationToken);
        return Unit.Value;
    }
}
