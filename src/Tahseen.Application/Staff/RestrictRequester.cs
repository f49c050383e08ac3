using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>A requester's restriction as the requester and supervisors see it.</summary>
public sealed record RestrictionDto(RequesterRestriction Restriction, string Reason, DateTimeOffset ExpireTime)
{
    /// <summary>The restriction in force at <paramref name="now"/>; null when none is.</summary>
    public static RestrictionDto? ActiveOf(RequesterLimit? limit, DateTimeOffset now) =>
        limit?.ActiveAt(now) is { } restriction
            ? new RestrictionDto(restriction, limit.RestrictionReason ?? string.Empty, limit.RestrictionExpireTime!.Value)
            : null;
}

/// <summary>
/// A supervisor restricts a citizen until a time: SUBMIT_BLOCKED refuses new tickets, REVIEW_BEFORE_QUEUE
/// holds them for a supervisor's review. Replaces any earlier restriction; written to the security log.
/// </summary>
[RequireRoles(RoleSets.Supervisors)]
public sealed record RestrictRequesterCommand(
    string AccountId, RequesterRestriction? Restriction, string Reason, DateTimeOffset? ExpireTime, string? RequestId = null)
    : IRequest<RestrictionDto>, IIdempotentCommand;

public sealed class RestrictRequesterCommandValidator : AbstractValidator<RestrictRequesterCommand>
{
    public RestrictRequesterCommandValidator()
    {
        RuleFor(c => c.AccountId).Identifier();
        RuleFor(c => c.Restriction)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.Reason).RequiredText(RequesterLimit.MaxReasonLength);
        RuleFor(c => c.ExpireTime).NotNull().WithReason(ErrorReason.FieldRequired);
    }
}

public sealed class RestrictRequesterCommandHandler(
    IApplicationDbContext db, ICurrentUser user, RequesterLimits limits, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<RestrictRequesterCommand, RestrictionDto>
{
    public async Task<RestrictionDto> Handle(RestrictRequesterCommand request, CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(request.AccountId);
        var roles = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => (AccountRoles?)a.Roles)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.AccountNotFound);
        if (!roles.HasFlag(AccountRoles.Citizen))
        {
            throw new TahseenException(ErrorReason.AccountNotCitizen);
        }

        var now = clock.GetUtcNow();
        var expireTime = request.ExpireTime!.Value.ToUniversalTime();
        if (expireTime <= now)
        {
            throw TahseenException.ForField("expire_time", ErrorReason.FieldInvalid);
        }

        // The requester's lock row: a submit that overlaps sees the restriction once this commits.
        var limit = await limits.LockAsync(accountId, cancellationToken);
        var restriction = request.Restriction!.Value;
        var reason = TextInput.Clean(request.Reason);
        limit.Restrict(restriction, reason, expireTime, user.AccountId, now);
        securityLog.Record(
            SecurityEventKind.RequesterRestricted, accountId,
            $"{restriction} until {expireTime:O} by {user.AccountId}");
        return new RestrictionDto(restriction, reason, expireTime);
    }
}
