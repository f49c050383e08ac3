using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>Activates or disables a service account, with the reason in the security log. Disabling stops its tokens and streams at once.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record SetServiceAccountStatusCommand(string ClientId, AccountStatusView? Status, string? Reason, string? RequestId = null)
    : IRequest<ServiceAccountDto>, IIdempotentCommand;

public sealed class SetServiceAccountStatusCommandValidator : AbstractValidator<SetServiceAccountStatusCommand>
{
    public SetServiceAccountStatusCommandValidator()
    {
        RuleFor(c => c.ClientId).RequiredText(ServiceAccount.MaxClientIdLength);
        RuleFor(c => c.Status)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .Must(status => status is null or AccountStatusView.Active or AccountStatusView.Disabled).WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.Reason).OptionalText(SetAccountStatusCommandValidator.MaxReasonLength);
    }
}

public sealed class SetServiceAccountStatusCommandHandler(
    IApplicationDbContext db, ICurrentUser user, ISessionEnds sessionEnds, IAccessChanges accessChanges, UnitOfWork unitOfWork,
    SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<SetServiceAccountStatusCommand, ServiceAccountDto>
{
    public async Task<ServiceAccountDto> Handle(SetServiceAccountStatusCommand request, CancellationToken cancellationToken)
    {
        var clientId = request.ClientId.Trim();
        var account = await db.ServiceAccounts.FirstOrDefaultAsync(s => s.ClientId == clientId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.ServiceAccountNotFound);

        var status = request.Status == AccountStatusView.Disabled ? AccountStatus.Disabled : AccountStatus.Active;
        account.SetStatus(status, clock.GetUtcNow());
        securityLog.Record(
            SecurityEventKind.ServiceAccountStatusChanged, account.Id, $"{account.ClientId} {status} by {user.AccountId}: {TextInput.Clean(request.Reason)}");
        if (status == AccountStatus.Disabled)
        {
            sessionEnds.AccountSessionsEnded(account.Id);
        }

        // Disabled or enabled again, the credential's next call here reads its status again.
        unitOfWork.AfterCommit(() => accessChanges.AccountChanged(account.Id));

        return ServiceAccountDto.From(account);
    }
}
