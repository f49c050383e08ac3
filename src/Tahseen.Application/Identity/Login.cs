using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Registration;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>
/// First sign-in step. <paramref name="Login"/> is a username or a national ID. The captcha is needed
/// only once the login is throttled (CAPTCHA_REQUIRED says so).
/// </summary>
public sealed record LoginCommand(string Login, string Password, string CaptchaId = "", string CaptchaAnswer = "") : IRequest<OtpSentDto>;

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Login).RequiredText(64);
        RuleFor(c => c.Password).Secret(256);
        RuleFor(c => c.CaptchaId).OptionalText(64);
        RuleFor(c => c.CaptchaAnswer).OptionalText(16);
    }
}

/// <summary>
/// Checks the password, then sends a code (Absher asks for one at every login). An unknown login and
/// a wrong password fail alike and take about as long, and both are throttled per login key (see
/// <see cref="SignInThrottles"/>), so the throttling answers the same for a login nobody has.
/// </summary>
public sealed class LoginCommandHandler(
    IApplicationDbContext db,
    IPersonalDataLookup lookup,
    IPasswordHasher passwords,
    PasswordChecks checks,
    OneTimeCodes codes,
    SignInThrottles throttles,
    SecurityLog securityLog,
    TimeProvider clock)
    : IRequestHandler<LoginCommand, OtpSentDto>
{
    public async Task<OtpSentDto> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var key = throttles.KeyOf(request.Login);
        await throttles.CountAttemptAsync(key, request.CaptchaId, request.CaptchaAnswer, cancellationToken);

        var account = await FindAsync(request.Login.Trim(), cancellationToken);
        var check = account is null ? PasswordCheck.Failed : checks.Verify(account.PasswordHash, request.Password);
        if (account is null)
        {
            checks.VerifyAgainstDummy(request.Password);
        }

        if (check == PasswordCheck.Failed)
        {
            if (account is not null)
            {
                securityLog.Record(SecurityEventKind.LoginFailed, account.Id);
            }

            if (await throttles.IsLockedOutAsync(key, cancellationToken))
            {
                securityLog.Record(SecurityEventKind.AccountLockedOut, account?.Id);
            }

            throw UnitOfWork.CommitThenFail(ErrorReason.InvalidCredentials);
        }

        await throttles.ResetAsync(key, cancellationToken);
        account!.EnsureCanSignIn();
        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            account.UpgradePasswordHash(passwords.Hash(request.Password));
        }

        var challenge = OtpChallenge.ForLogin(account, clock.GetUtcNow());
        db.OtpChallenges.Add(challenge);
        securityLog.Record(SecurityEventKind.LoginPasswordAccepted, account.Id);
        await codes.IssueAndSaveAsync(challenge, account.NationalId, OneTimeCodes.AccountBudget(account.Id), cancellationToken);

        return new OtpSentDto(challenge.Id, MobileNumber.Parse(challenge.MobileNumber).Masked, challenge.CodeExpireTime, challenge.ResendAvailableTime);
    }

    private Task<Account?> FindAsync(string login, CancellationToken cancellationToken) =>
        LoginPreparation.Accounts(db, lookup, login).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Checks the password before the command's transaction begins, so that the hash, the slow part of a
/// sign-in, holds no write lock (see <see cref="ICommandPreparation{TRequest}"/>); the handler then finds
/// the same answer for the same stored hash in <see cref="PasswordChecks"/>. A login whose free attempts
/// are used up is not checked here: it needs a captcha first, and the handler checks it after the captcha,
/// so a stream of refused attempts costs no hashing.
/// </summary>
public sealed class LoginPreparation(IApplicationDbContext db, IPersonalDataLookup lookup, SignInThrottles throttles, PasswordChecks checks)
    : ICommandPreparation<LoginCommand>
{
    public async Task PrepareAsync(LoginCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || !await throttles.HasFreeAttemptAsync(throttles.KeyOf(request.Login), cancellationToken))
        {
            return;
        }

        var hash = await Accounts(db, lookup, request.Login.Trim()).AsNoTracking().Select(a => a.PasswordHash).FirstOrDefaultAsync(cancellationToken);
        if (hash is null)
        {
            checks.VerifyAgainstDummy(request.Password);
        }
        else
        {
            checks.Verify(hash, request.Password);
        }
    }

    /// <summary>The account a login names: by national ID (its lookup hash) or by username, in any case.</summary>
    internal static IQueryable<Account> Accounts(IApplicationDbContext db, IPersonalDataLookup lookup, string login)
    {
        if (NationalId.TryParse(login, out var nationalId))
        {
            return db.Accounts.Matching(lookup.NationalId(nationalId.Value));
        }

        var normalized = login.ToLowerInvariant();
        return db.Accounts.Where(a => a.NormalizedUsername == normalized);
    }
}
