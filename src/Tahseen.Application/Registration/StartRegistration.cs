using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Registration;

public sealed record StartRegistrationCommand(
    string NationalId, string MobileNumber, string Email, string FullName, string CaptchaId, string CaptchaAnswer)
    : IRequest<OtpSentDto>;

/// <summary>Where the code went and when the next step may happen.</summary>
public sealed record OtpSentDto(Guid ChallengeId, string MaskedMobile, DateTimeOffset OtpExpireTime, DateTimeOffset ResendAvailableTime);

public sealed class StartRegistrationCommandValidator : AbstractValidator<StartRegistrationCommand>
{
    public StartRegistrationCommandValidator()
    {
        RuleFor(c => c.NationalId).NationalIdNumber();
        RuleFor(c => c.MobileNumber).SaudiMobile();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.FullName).OptionalText(Account.MaxFullNameLength);
        RuleFor(c => c.CaptchaId).Required();
        RuleFor(c => c.CaptchaAnswer).Required().OptionalText(16);
    }
}

/// <summary>
/// The seed's "own identity" rule: the captcha first, then the registry must know the person as
/// eligible with this very mobile, and the identity must have no account yet. Then a code goes out.
/// </summary>
public sealed class StartRegistrationCommandHandler(
    IApplicationDbContext db, IPersonalDataLookup lookup, Captchas captchas, ICivilRegistry registry, OneTimeCodes codes, TimeProvider clock)
    : IRequestHandler<StartRegistrationCommand, OtpSentDto>
{
    public async Task<OtpSentDto> Handle(StartRegistrationCommand request, CancellationToken cancellationToken)
    {
        await captchas.VerifyAsync(request.CaptchaId, request.CaptchaAnswer, cancellationToken);

        var nationalId = Domain.Identity.NationalId.Parse(request.NationalId);
        var mobile = Domain.Identity.MobileNumber.Parse(request.MobileNumber);
        var email = EmailAddress.Parse(request.Email);

        var person = await registry.FindAsync(nationalId, cancellationToken);
        if (person is null || !person.IsEligible)
        {
            throw new TahseenException(ErrorReason.NotEligible);
        }

        if (person.MobileNumber != mobile.Value)
        {
            throw new TahseenException(ErrorReason.MobileNotOwned);
        }

        if (await db.Accounts.Matching(lookup.NationalId(nationalId.Value)).AnyAsync(cancellationToken))
        {
            throw new TahseenException(ErrorReason.AccountExists);
        }

        var challenge = OtpChallenge.ForRegistration(nationalId, mobile, email, clock.GetUtcNow());
        db.OtpChallenges.Add(challenge);
        await codes.IssueAndSaveAsync(challenge, nationalId.Value, OneTimeCodes.MobileBudget(mobile.Value), cancellationToken);

        return new OtpSentDto(challenge.Id, mobile.Masked, challenge.CodeExpireTime, challenge.ResendAvailableTime);
    }
}
