using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Registration;

public sealed record ResendRegistrationOtpCommand(string RegistrationId) : IRequest<OtpSentDto>;

public sealed class ResendRegistrationOtpCommandValidator : AbstractValidator<ResendRegistrationOtpCommand>
{
    public ResendRegistrationOtpCommandValidator() => RuleFor(c => c.RegistrationId).Identifier();
}

public sealed class ResendRegistrationOtpCommandHandler(IApplicationDbContext db, OneTimeCodes codes, TimeProvider clock)
    : IRequestHandler<ResendRegistrationOtpCommand, OtpSentDto>
{
    public async Task<OtpSentDto> Handle(ResendRegistrationOtpCommand request, CancellationToken cancellationToken)
    {
        var challenge = await Registrations.FindOpenAsync(db, request.RegistrationId, clock.GetUtcNow(), cancellationToken);
        await codes.IssueAndSaveAsync(challenge, challenge.NationalId, OneTimeCodes.MobileBudget(challenge.MobileNumber), cancellationToken);
        return new OtpSentDto(challenge.Id, MobileNumber.Parse(challenge.MobileNumber).Masked, challenge.CodeExpireTime, challenge.ResendAvailableTime);
    }
}
