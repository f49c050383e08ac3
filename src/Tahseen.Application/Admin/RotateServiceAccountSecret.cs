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

/// <summary>A new secret for a service account; the old one and every token issued under it stop at once.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record RotateServiceAccountSecretCommand(string ClientId, string? RequestId = null) : IRequest<ServiceAccountWithSecretDto>, IIdempotentCommand;

public sealed class RotateServiceAccountSecretCommandValidator : AbstractValidator<RotateServiceAccountSecretCommand>
{
    public RotateServiceAccountSecretCommandValidator() => RuleFor(c => c.ClientId).RequiredText(ServiceAccount.MaxClientIdLength);
}

public sealed class RotateServiceAccountSecretCommandHandler(
    IApplicationDbContext db, ICurrentUser user, ServiceAccountCredentials credentials, ISessionEnds sessionEnds, IAccessChanges accessChanges, UnitOfWork unitOfWork,
    SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<RotateServiceAccountSecretCommand, ServiceAccountWithSecretDto>
{
    public async Task<ServiceAccountWithSecretDto> Handle(RotateServiceAccountSecretCommand request, CancellationToken cancellationToken)
    {
        var clientId = request.ClientId.Trim();
        var account = await db.ServiceAccounts.FirstOrDefaultAsync(s => s.ClientId == clientId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.ServiceAccountNotFound);

        var secret = ServiceAccountCredentials.NewSecret();
        account.RotateSecret(credentials.Hash(secret), clock.GetUtcNow());
        securityLog.Record(SecurityEventKind.ServiceAccountSecretRotated, account.Id, $"{account.ClientId} by {user.AccountId}");

        // Told before the commit, as ended sessions are: should the command still fail, a stream ended early is only reopened.
        sessionEnds.AccountSessionsEnded(account.Id);
        unitOfWork.AfterCommit(() => accessChanges.AccountChanged(account.Id));
        return new ServiceAccountWithSecretDto(ServiceAccountDto.From(account), secret);
    }
}
