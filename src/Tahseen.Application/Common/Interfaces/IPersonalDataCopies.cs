namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Copies of personal data that adapters keep outside the aggregates: the outbox's ticket snapshots,
/// the sandbox inbox, stored answers of idempotent calls. Erasure and the retention schedule reach
/// them through this port, in the same unit of work as the aggregates they copy.
/// </summary>
public interface IPersonalDataCopies
{
    /// <summary>The tickets' content was redacted in this unit of work: redact the copies of it too.</summary>
    Task RedactTicketCopiesAsync(IReadOnlyCollection<Guid> ticketIds, CancellationToken cancellationToken);

    /// <summary>The account is being erased: remove what adapters hold about it or sent to its mobile.</summary>
    Task EraseAccountCopiesAsync(Guid accountId, string? mobileNumber, CancellationToken cancellationToken);
}
