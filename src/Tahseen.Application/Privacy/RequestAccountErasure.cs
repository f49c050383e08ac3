using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;

namespace Tahseen.Application.Privacy;

/// <summary>The captcha is needed only once wrong passwords have throttled the account's login key.</summary>
[RequireRoles(AccountRoles.Citizen)]
public sealed record RequestAccountErasureCommand(string Password, string? Reason, string CaptchaId = "", string CaptchaAnswer = "")
    : IRequest<DataSubjectRequestDto>;

public sealed class RequestAccountErasureCommandValidator : AbstractValidator<RequestAccountErasureCommand>
{
    public RequestAccountErasureCommandValidator()
    {
        RuleFor(c => c.Password).Secret(256);
        RuleFor(c => c.Reason).OptionalText(DataSubjectRequest.MaxReasonLength);
        RuleFor(c => c.CaptchaId).OptionalText(64);
        RuleFor(c => c.CaptchaAnswer).OptionalText(16);
    }
}

/// <summary>
/// Records the wish to have the account and its personal data destroyed; the erasure job carries it out
/// once the account's tickets are closed, within 30 days. The password is asked again, checked and
/// throttled exactly as ChangePassword does (a stolen session must not be able to destroy an account).
/// An account has at most one open erasure request: asking again returns that request unchanged, and a
/// partial unique index makes that hold when requests race.
/// </summary>
public sealed class RequestAccountErasureCommandHandler(
    IApplicationDbContext db,
    UnitOfWork unitOfWork,
    ICurrentUser caller,
    IPasswordHasher passwords,
    SignInThrottles throttles,
    SecurityLog securityLog,
    TimeProvider clock)
    : IRequestHandler<RequestAccountErasureCommand, DataSubjectRequestDto>
{
    public async Task<DataSubjectRequestDto> Handle(RequestAccountErasureCommand request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        var key = throttles.KeyOf(account.NormalizedUsername);
        await throttles.CountAttemptAsync(key, request.CaptchaId, request.CaptchaAnswer, cancellationToken);
        if (passwords.Verify(account.PasswordHash, request.Password) == PasswordCheck.Failed)
        {
            securityLog.Record(SecurityEventKind.ErasurePasswordFailed, account.Id);
            throw UnitOfWork.CommitThenFail(ErrorReason.InvalidCredentials);
        }

        await throttles.ResetAsync(key, cancellationToken);
        var now = clock.GetUtcNow();
        if (await OpenErasureAsync(accountId, cancellationToken) is { } open)
        {
            return DataSubjectRequestDto.From(open, now);
        }

        var erasure = DataSubjectRequest.Erasure(accountId, TextInput.Clean(request.Reason), now);
        try
        {
            await unitOfWork.WriteAsOneStepAsync(
                () =>
                {
                    db.DataSubjectRequests.Add(erasure);
                    db.AuditEvents.Add(new AuditEvent(
                        now, accountId, PrivacyAuditActions.ErasureRequested, PrivacyAuditActions.SubjectType, erasure.Id.ToString("D"), null));
                    return Task.CompletedTask;
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request of the same account won the unique index: answer with that one.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            var winner = await OpenErasureAsync(accountId, cancellationToken) ?? throw new InvalidOperationException(
                "The erasure request was refused by the database, yet no open request exists.");
            return DataSubjectRequestDto.From(winner, now);
        }

        return DataSubjectRequestDto.From(erasure, now);
    }

    private Task<DataSubjectRequest?> OpenErasureAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.DataSubjectRequests.AsNoTracking()
            .FirstOrDefaultAsync(
                r => r.AccountId == accountId && r.Kind == DataSubjectRequestKind.Erasure && r.Status != DataSubjectRequestStatus.Completed,
                cancellationToken);
}
