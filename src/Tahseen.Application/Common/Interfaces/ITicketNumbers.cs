using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>Hands out reference numbers from a counter per year kept in the store.</summary>
public interface ITicketNumbers
{
    /// <summary>
    /// The next number of <paramref name="year"/>. Call it inside the transaction that stores the ticket:
    /// the counter stays locked until that transaction ends, and a rolled-back submission returns its number.
    /// </summary>
    Task<ReferenceNumber> NextAsync(int year, CancellationToken cancellationToken);
}
