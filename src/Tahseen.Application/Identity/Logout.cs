using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Identity;
using Tahseen.Application.Common.Security;

namespace Tahseen.Application.Identity;

[RequireRoles(RoleSets.People)]
public sealed record LogoutCommand(string RefreshToken) : IRequest<Unit>;

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() => RuleFor(c => c.RefreshToken).Secret(128);
}

/// <summary>
/// Ends the session the refresh token belongs to, if it is the caller's (its access tokens stop at once);
/// the answer is the same either way.
/// </summary>
public sealed class LogoutCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, Sessions sessions, AccountSessions accountSessions, SecurityLog securityLog)
    : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var hash = sessions.HashRefreshToken(request.RefreshToken.Trim());
        var familyId = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.AccountId == accountId)
            .Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
        if (familyId is null)
        {
            return Unit.Value;
        }

        await accountSessions.EndSessionAsync(accountId, familyId.Value, cancellationToken);
        securityLog.Record(SecurityEventKind.LoggedOut, accountId);
        return Unit.Value;
    }
}
