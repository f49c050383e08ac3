using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>A service account for an internal system, with its secret shown this once.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record CreateServiceAccountCommand(string Name, IReadOnlyList<string> Scopes, string? RequestId = null)
    : IRequest<ServiceAccountWithSecretDto>, IIdempotentCommand;

public sealed class CreateServiceAccountCommandValidator : AbstractValidator<CreateServiceAccountCommand>
{
    public CreateServiceAccountCommandValidator()
    {
        RuleFor(c => c.Name).RequiredText(ServiceAccount.MaxNameLength);
        RuleFor(c => c.Scopes).NotEmpty().WithReason(ErrorReason.FieldRequired);
        RuleForEach(c => c.Scopes).Must(Scopes.All.Contains).WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class CreateServiceAccountCommandHandler(
    IApplicationDbContext db, ICurrentUser user, ServiceAccountCredentials credentials, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<CreateServiceAccountCommand, ServiceAccountWithSecretDto>
{
    public Task<ServiceAccountWithSecretDto> Handle(CreateServiceAccountCommand request, CancellationToken cancellationToken)
    {
        var secret = ServiceAccountCredentials.NewSecret();
        var account = ServiceAccount.Create(
            ServiceAccountCredentials.NewClientId(), TextInput.Clean(request.Name), request.Scopes, credentials.Hash(secret), clock.GetUtcNow());
        db.ServiceAccounts.Add(account);
        securityLog.Record(
            SecurityEventKind.ServiceAccountCreated, account.Id, $"{account.ClientId} [{string.Join(' ', account.Scopes)}] by {user.AccountId}");
        return Task.FromResult(new ServiceAccountWithSecretDto(ServiceAccountDto.From(account), secret));
    }
}
