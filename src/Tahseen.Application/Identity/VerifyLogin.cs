using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record VerifyLoginCommand(string ChallengeId, string Otp) : IRequest<SessionDto>;

public sealed class VerifyLoginCommandValidator : AbstractValidator<VerifyLoginCommand>
{
    public VerifyLoginCommandValidator()
    {
        RuleFor(c => c.ChallengeId).Identifier();
        RuleFor(c => c.Otp).OneTimeCode();
    }
}

/// <summary>Of concurrent requests with the right code, exactly one opens a session: the challenge is completed by a conditional update.</summary>
public sealed class VerifyLoginCommandHandler(
    IApplicationDbContext db, OneTimeCodes codes, Sessions sessions, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<VerifyLoginCommand, SessionDto>
{
    public async Task<SessionDto> Handle(VerifyLoginCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.Parse(request.ChallengeId);
        var challenge = await db.OtpChallenges.FirstOrDefaultAsync(c => c.Id == id && c.Purpose == OtpPurpose.Login, cancellationToken);
        if (challenge is null || !challenge.IsOpen(now))
        {
            throw new TahseenException(ErrorReason.ChallengeNotFound);
        }

        await codes.VerifyAsync(challenge, request.Otp, ErrorReason.ChallengeNotFound, cancellationToken);

        var account = await db.Accounts.SingleAsync(a => a.Id == challenge.AccountId, cancellationToken);
        // The account may have been disabled since the password was checked.
        account.EnsureCanSignIn();

        var session = sessions.Open(account, now);
        securityLog.Record(SecurityEventKind.LoginSucceeded, account.Id);
        await codes.CompleteAsync(challenge, ErrorReason.ChallengeNotFound, cancellationToken);
        return session;
    }
}
