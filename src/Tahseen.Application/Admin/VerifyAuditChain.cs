using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;

namespace Tahseen.Application.Admin;

/// <summary>Walks the whole audit chain and names the first line that does not hold.</summary>
public sealed record VerifyAuditChainQuery : IRequest<AuditChainReport>;

public sealed class VerifyAuditChainQueryHandler(IAuditChainVerifier verifier, ICurrentUser user)
    : IRequestHandler<VerifyAuditChainQuery, AuditChainReport>
{
    public Task<AuditChainReport> Handle(VerifyAuditChainQuery request, CancellationToken cancellationToken)
    {
        user.RequireAdmin();
        return verifier.VerifyAsync(cancellationToken);
    }
}
