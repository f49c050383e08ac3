using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Registration;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>First sign-in step. <paramref name="Login"/> is a username or a national ID.</summary>
public sealed record LoginCommand(string Login, string Password) : IRequest<OtpSentDto>;

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Login).RequiredText(64);
        RuleFor(c => c.Password).Secret(256);
    }
}

/// <summary>
/// Checks the password, then sends a code (Absher asks for one at every login). An unknown login and
/// a wrong password fail alike and take about as long. Five wrong passwords in a row lock the account.
/// </summary>
public sealed class LoginCommandHandler(
    IApplicationDbContext db, IPersonalDataLookup lookup, IPasswordHasher passwords, OneTimeCodes codes, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<LoginCommand, OtpSentDto>
{
    public async Task<OtpSentDto> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await FindAsync(request.Login.Trim(), cancellationToken);
        if (account is null)
        {
            passwords.VerifyAgainstDummy(request.Password);
            throw new TahseenException(ErrorReason.InvalidCredentials);
        }

        if (account.IsLockedOut(now))
        {
            throw new TahseenException(ErrorReason.AccountLocked);
        }

        var check = passwords.Verify(account.PasswordHash, request.Password);
        if (check == PasswordCheck.Failed)
        {
            var locked = account.RecordFailedSignIn(now);
            securityLog.Record(SecurityEventKind.LoginFailed, account.Id);
            if (locked)
            {
                securityLog.Record(SecurityEventKind.AccountLockedOut, account.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            throw new TahseenException(ErrorReason.InvalidCredentials);
        }

        account.EnsureCanSignIn(now);
        account.RecordSuccessfulPassword(now);
        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            account.UpgradePasswordHash(passwords.Hash(request.Password));
        }

        var challenge = OtpChallenge.ForLogin(account, now);
        await codes.IssueAsync(challenge, account.NationalId, cancellationToken);
        db.OtpChallenges.Add(challenge);
        securityLog.Record(SecurityEventKind.LoginPasswordAccepted, account.Id);
        await db.SaveChangesAsync(cancellationToken);

        return new OtpSentDto(challenge.Id, MobileNumber.Parse(challenge.MobileNumber).Masked, challenge.CodeExpireTime, challenge.ResendAvailableTime);
    }

    private Task<Account?> FindAsync(string login, CancellationToken cancellationToken)
    {
        if (NationalId.TryParse(login, out var nationalId))
        {
            return db.Accounts.Matching(lookup.NationalId(nationalId.Value)).FirstOrDefaultAsync(cancellationToken);
        }

        var normalized = login.ToLowerInvariant();
        return db.Accounts.FirstOrDefaultAsync(a => a.NormalizedUsername == normalized, cancellationToken);
    }
}
