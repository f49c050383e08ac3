using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record CompletePasswordResetCommand(string ResetId, string Otp, string NewPassword) : IRequest<Unit>;

public sealed class CompletePasswordResetCommandValidator : AbstractValidator<CompletePasswordResetCommand>
{
    public CompletePasswordResetCommandValidator()
    {
        RuleFor(c => c.ResetId).Identifier();
        RuleFor(c => c.Otp).OneTimeCode();
        RuleFor(c => c.NewPassword).Secret(256);
    }
}

/// <summary>
/// The new password is checked before the code, so a refused password spends no try. Of concurrent
/// requests with the right code exactly one sets a password: the challenge is completed by a conditional
/// update in the command's transaction, which saves the password. Every session ends.
/// </summary>
public sealed class CompletePasswordResetCommandHandler(
    IApplicationDbContext db,
    OneTimeCodes codes,
    IPasswordHasher passwords,
    AccountSessions accountSessions,
    SecurityLog securityLog,
    TimeProvider clock)
    : IRequestHandler<CompletePasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(CompletePasswordResetCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.Parse(request.ResetId);
        var challenge = await db.OtpChallenges.FirstOrDefaultAsync(c => c.Id == id && c.Purpose == OtpPurpose.PasswordReset, cancellationToken);
        if (challenge is null || !challenge.IsOpen(now))
        {
            throw new TahseenException(ErrorReason.PasswordResetNotFound);
        }

        var account = challenge.AccountId is { } accountId
            ? await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken)
            : null;
        PasswordPolicy.Default.Enforce(request.NewPassword, account?.Username, account?.NationalId, "new_password");

        await codes.VerifyAsync(challenge, request.Otp, ErrorReason.PasswordResetNotFound, cancellationToken);

        // Verify accepts no code for a reset without an account, so the account is known here.
        account!.ChangePassword(passwords.Hash(request.NewPassword), now);
        securityLog.Record(SecurityEventKind.PasswordReset, account.Id);
        await codes.CompleteAsync(challenge, ErrorReason.PasswordResetNotFound, cancellationToken);
        await accountSessions.EndAllSessionsAsync(account.Id, cancellationToken);
        return Unit.Value;
    }
}
