using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>A service account proves itself with its client id and secret and gets a short-lived access token.</summary>
public sealed record CreateServiceTokenCommand(string ClientId, string ClientSecret) : IRequest<ServiceTokenDto>;

public sealed record ServiceTokenDto(string AccessToken, DateTimeOffset AccessTokenExpireTime);

public sealed class CreateServiceTokenCommandValidator : AbstractValidator<CreateServiceTokenCommand>
{
    public CreateServiceTokenCommandValidator()
    {
        RuleFor(c => c.ClientId).RequiredText(ServiceAccount.MaxClientIdLength);
        RuleFor(c => c.ClientSecret).Secret(256);
    }
}

/// <summary>
/// An unknown client id, a wrong secret and a disabled account answer alike (INVALID_CLIENT), and the
/// secret is compared in constant time against a stored hash or a dummy one, so the answer tells a
/// caller nothing about which ids exist. Attempts are throttled at the edge, per client id and address.
/// </summary>
public sealed class CreateServiceTokenCommandHandler(
    IApplicationDbContext db, ServiceAccountCredentials credentials, ITokenIssuer tokens, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<CreateServiceTokenCommand, ServiceTokenDto>
{
    public async Task<ServiceTokenDto> Handle(CreateServiceTokenCommand request, CancellationToken cancellationToken)
    {
        var clientId = request.ClientId.Trim();
        var account = await db.ServiceAccounts.FirstOrDefaultAsync(s => s.ClientId == clientId, cancellationToken);
        var secretMatches = credentials.Matches(request.ClientSecret, account?.SecretHash);
        if (account is null || !secretMatches || account.Status != AccountStatus.Active)
        {
            if (account is null)
            {
                throw new TahseenException(ErrorReason.InvalidClient);
            }

            securityLog.Record(SecurityEventKind.ServiceTokenRefused, account.Id, secretMatches ? "disabled" : "wrong secret");
            throw UnitOfWork.CommitThenFail(ErrorReason.InvalidClient);
        }

        var token = tokens.IssueForService(account, clock.GetUtcNow());
        securityLog.Record(SecurityEventKind.ServiceTokenIssued, account.Id);
        return new ServiceTokenDto(token.Token, token.ExpireTime);
    }
}
