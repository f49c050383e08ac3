namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Recomputes the audit chain from the values as stored (not as an entity would read them), so an
/// edited, removed or unreadable line shows as a break rather than an error.
/// </summary>
public interface IAuditChainVerifier
{
    Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>FirstBrokenSequence is 0 when the chain is intact.</summary>
public sealed record AuditChainReport(bool Intact, long CheckedCount, long FirstBrokenSequence);
