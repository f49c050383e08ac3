namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Reads audit lines from their stored values. A line whose stored values were edited into something
/// unreadable comes back marked <see cref="StoredAuditEvent.Unreadable"/> with what could be read,
/// rather than failing the whole listing.
/// </summary>
public interface IAuditEventReader
{
    Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken);
}

/// <summary>An audit line as stored; a field that could not be read is null or empty.</summary>
public sealed record StoredAuditEvent(
    long Sequence,
    DateTimeOffset? Time,
    Guid? ActorAccountId,
    string Action,
    string SubjectType,
    string SubjectId,
    string Detail,
    string PreviousHash,
    string Hash,
    bool Unreadable);
