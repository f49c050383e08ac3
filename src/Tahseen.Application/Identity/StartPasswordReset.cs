using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Registration;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record StartPasswordResetCommand(string NationalId, string MobileNumber, string CaptchaId, string CaptchaAnswer)
    : IRequest<OtpSentDto>;

public sealed class StartPasswordResetCommandValidator : AbstractValidator<StartPasswordResetCommand>
{
    public StartPasswordResetCommandValidator()
    {
        RuleFor(c => c.NationalId).NationalIdNumber();
        RuleFor(c => c.MobileNumber).SaudiMobile();
        RuleFor(c => c.CaptchaId).Required();
        RuleFor(c => c.CaptchaAnswer).Required().OptionalText(16);
    }
}

/// <summary>
/// Answers alike whether or not an account has this identity and mobile, so the method cannot be
/// used to find out who is registered: a code is sent only when one does, but the mobile's budget is
/// spent either way, so RATE_LIMITED comes at the same point for both. Sign-in throttling never
/// blocks a reset.
/// </summary>
public sealed class StartPasswordResetCommandHandler(
    IApplicationDbContext db, IPersonalDataLookup lookup, Captchas captchas, OneTimeCodes codes, TimeProvider clock)
    : IRequestHandler<StartPasswordResetCommand, OtpSentDto>
{
    public async Task<OtpSentDto> Handle(StartPasswordResetCommand request, CancellationToken cancellationToken)
    {
        await captchas.VerifyAsync(request.CaptchaId, request.CaptchaAnswer, cancellationToken);

        var now = clock.GetUtcNow();
        var nationalId = Domain.Identity.NationalId.Parse(request.NationalId);
        var mobile = Domain.Identity.MobileNumber.Parse(request.MobileNumber);
        var account = await db.Accounts
            .Matching(lookup.NationalId(nationalId.Value))
            .Matching(lookup.MobileNumber(mobile.Value))
            .FirstOrDefaultAsync(cancellationToken);

        var challenge = OtpChallenge.ForPasswordReset(account, mobile, now);
        db.OtpChallenges.Add(challenge);
        var budget = OneTimeCodes.MobileBudget(mobile.Value);
        if (account is not null)
        {
            await codes.IssueAndSaveAsync(challenge, account.NationalId, budget, cancellationToken);
        }
        else
        {
            challenge.IssueCode(string.Empty, now);
            await codes.SaveSpendingWithoutSendingAsync(budget, cancellationToken);
        }

        return new OtpSentDto(challenge.Id, mobile.Masked, challenge.CodeExpireTime, challenge.ResendAvailableTime);
    }
}
