using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Registration;

public sealed record CompleteRegistrationCommand(
    string RegistrationId, string Otp, string Username, string Password, bool AcceptTerms, string TermsVersion)
    : IRequest<AccountDto>;

public sealed class CompleteRegistrationCommandValidator : AbstractValidator<CompleteRegistrationCommand>
{
    public CompleteRegistrationCommandValidator()
    {
        RuleFor(c => c.RegistrationId).Identifier();
        RuleFor(c => c.Otp).OneTimeCode();
        RuleFor(c => c.Username).ValidUsername();
        RuleFor(c => c.Password).Secret(256);
        RuleFor(c => c.AcceptTerms).Equal(true).WithReason(ErrorReason.TermsNotAccepted);
        RuleFor(c => c.TermsVersion).RequiredText(32);
    }
}

/// <summary>
/// The code is checked before anything else, so that probing usernames or terms without the code spends
/// tries. With the right code, a refusal of the rest (terms, password, a taken username) gives the try
/// back and leaves the code usable. Of concurrent requests with the right code exactly one registers: the
/// challenge is completed by a conditional update in the transaction that inserts the account, and the
/// unique indexes settle two registrations racing for one identity.
/// </summary>
public sealed class CompleteRegistrationCommandHandler(
    IApplicationDbContext db,
    IPersonalDataLookup lookup,
    OneTimeCodes codes,
    ICivilRegistry registry,
    IPasswordHasher passwords,
    SecurityLog securityLog,
    UnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<CompleteRegistrationCommand, AccountDto>
{
    public async Task<AccountDto> Handle(CompleteRegistrationCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var challenge = await Registrations.FindOpenAsync(db, request.RegistrationId, now, cancellationToken);
        await codes.VerifyAsync(challenge, request.Otp, ErrorReason.RegistrationNotFound, cancellationToken);

        var nationalId = NationalId.Parse(challenge.NationalId);
        Account account;
        string termsInForce;
        try
        {
            var username = Username.Parse(request.Username);
            termsInForce = await db.TermsVersions.AsNoTracking()
                .OrderByDescending(t => t.PublishTime).Select(t => t.Version).FirstAsync(cancellationToken);
            if (request.TermsVersion.Trim() != termsInForce)
            {
                throw new TahseenException(ErrorReason.TermsVersionMismatch);
            }

            PasswordPolicy.Default.Enforce(request.Password, username.Value, nationalId.Value);
            await EnsureAvailableAsync(nationalId, username, cancellationToken);

            // The registry is asked again: the name on the account is the registry's, as of today.
            var person = await registry.FindAsync(nationalId, cancellationToken);
            if (person is null || !person.IsEligible)
            {
                throw new TahseenException(ErrorReason.NotEligible);
            }

            account = Account.RegisterCitizen(
                username, nationalId, person.FullNameAr, MobileNumber.Parse(challenge.MobileNumber),
                challenge.Email is null ? null : EmailAddress.Parse(challenge.Email),
                passwords.Hash(request.Password), termsInForce, now);
        }
        catch (TahseenException)
        {
            await codes.RefundTryAsync(challenge, cancellationToken);
            throw;
        }

        db.Accounts.Add(account);
        securityLog.Record(SecurityEventKind.Registered, account.Id);
        // The challenge is completed only with the account, as one step: should the insert lose a race,
        // undoing the step reopens the challenge in the command's transaction, which then keeps the refund.
        try
        {
            await unitOfWork.WriteAsOneStepAsync(
                () => codes.CompleteAsync(challenge, ErrorReason.RegistrationNotFound, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another registration won the race between the checks and the insert.
            db.Accounts.Entry(account).State = EntityState.Detached;
            await codes.RefundTryAsync(challenge, cancellationToken);
            await EnsureAvailableAsync(nationalId, Username.Parse(request.Username), cancellationToken);
            throw;
        }

        return AccountDto.From(account);
    }

    private async Task EnsureAvailableAsync(NationalId nationalId, Username username, CancellationToken cancellationToken)
    {
        if (await db.Accounts.Matching(lookup.NationalId(nationalId.Value)).AnyAsync(cancellationToken))
        {
            throw new TahseenException(ErrorReason.AccountExists);
        }

        if (await db.Accounts.AnyAsync(a => a.NormalizedUsername == username.Normalized, cancellationToken))
        {
            throw TahseenException.ForField("username", ErrorReason.UsernameTaken);
        }
    }
}
