namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// The one row every audit append writes first, inside its transaction, so that appends queue on it
/// instead of reading the same chain head at once.
/// </summary>
public sealed class AuditChainLock
{
    public const string Table = "audit_chain_lock";

    public int Id { get; init; }

    /// <summary>How many appends have taken the lock; the write is what matters, the count is a by-product.</summary>
    public long Takes { get; init; }
}
