namespace Tahseen.Application.Common.Idempotency;

/// <summary>Claims request ids under their unique key, inside the command's transaction.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Inserts <paramref name="claim"/> unless its (account, request id) key is taken. Returns null when
    /// this transaction now holds the claim (tracked, so that the unit of work saves the answer set on
    /// it); otherwise the committed request that holds it. An
    /// overlapping transaction that claimed it first makes this wait until that one ends, so the same
    /// request never runs twice at once.
    /// </summary>
    Task<IdempotentRequest?> ClaimAsync(IdempotentRequest claim, CancellationToken cancellationToken);

    /// <summary>Gives a claim back when its command failed, so that a retry runs the command again.</summary>
    Task ReleaseAsync(IdempotentRequest claim, CancellationToken cancellationToken);
}
