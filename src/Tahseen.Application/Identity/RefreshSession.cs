using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record RefreshSessionCommand(string RefreshToken) : IRequest<SessionDto>;

public sealed class RefreshSessionCommandValidator : AbstractValidator<RefreshSessionCommand>
{
    public RefreshSessionCommandValidator() => RuleFor(c => c.RefreshToken).Secret(128);
}

/// <summary>
/// Rotates a refresh token. The token is spent by a conditional update, so of two concurrent uses only
/// one wins; presenting a spent token again revokes its whole family (it was replayed or stolen).
/// </summary>
public sealed class RefreshSessionCommandHandler(
    IApplicationDbContext db, Sessions sessions, AccountSessions accountSessions, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<RefreshSessionCommand, SessionDto>
{
    public async Task<SessionDto> Handle(RefreshSessionCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = sessions.HashRefreshToken(request.RefreshToken.Trim());
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TokenInvalid);

        if (token.RevokeTime is not null)
        {
            throw new TahseenException(ErrorReason.TokenInvalid);
        }

        if (token.SpendTime is not null)
        {
            await RevokeFamilyAsync(token, cancellationToken);
            throw UnitOfWork.CommitThenFail(ErrorReason.TokenInvalid);
        }

        if (token.ExpireTime <= now)
        {
            throw new TahseenException(ErrorReason.TokenExpired);
        }

        if (!await SpendAsync(token, now, cancellationToken))
        {
            // A concurrent request spent it between the read and the update: a replay.
            await RevokeFamilyAsync(token, cancellationToken);
            throw UnitOfWork.CommitThenFail(ErrorReason.TokenInvalid);
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        if (account.SecurityStamp != token.SecurityStamp)
        {
            // The password changed or the account was disabled after this session began.
            throw new TahseenException(ErrorReason.TokenInvalid);
        }

        account.EnsureCanSignIn();
        var session = sessions.Continue(account, token.FamilyId, now);

        // The session row is updated only while it has not ended, in the command's transaction, which
        // stores the new token: a logout or password change either commits first (and this refresh fails)
        // or revokes the new token too. A new token never outlives its session.
        var live = await db.Sessions
            .Where(s => s.Id == token.FamilyId && s.EndTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshTime, now), cancellationToken);
        if (live == 0)
        {
            throw new TahseenException(ErrorReason.TokenInvalid);
        }

        return session;
    }

    private async Task<bool> SpendAsync(RefreshToken token, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.SpendTime == null && t.RevokeTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpendTime, now), cancellationToken) == 1;

    private async Task RevokeFamilyAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        await accountSessions.EndSessionAsync(token.AccountId, token.FamilyId, cancellationToken);
        securityLog.Record(SecurityEventKind.RefreshTokenReuseDetected, token.AccountId, $"family {token.FamilyId}");
    }
}
