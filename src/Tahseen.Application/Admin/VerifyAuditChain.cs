using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>Walks the whole audit chain and names the first line that does not hold.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record VerifyAuditChainQuery : IRequest<AuditChainReport>;

public sealed class VerifyAuditChainQueryHandler(IAuditChainVerifier verifier)
    : IRequestHandler<VerifyAuditChainQuery, AuditChainReport>
{
    public Task<AuditChainReport> Handle(VerifyAuditChainQuery request, CancellationToken cancellationToken)
    {
        return verifier.VerifyAsync(cancellationToken);
    }
}
