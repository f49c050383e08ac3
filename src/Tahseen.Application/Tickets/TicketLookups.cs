using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>Loads a ticket to change it; the unit of work saves it with the events it raised.</summary>
public static class TicketLookups
{
    /// <summary>Any ticket, for staff.</summary>
    public static async Task<Ticket> GetTicketAsync(this IApplicationDbContext db, string ticketId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(ticketId);
        return await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
    }

    /// <summary>
    /// Claims the ticket, as loaded, for this command before it changes it: a conditional UPDATE on the
    /// version it read, whose row count says whether another command changed the ticket since
    /// (CONCURRENT_UPDATE). A command that adds a row keyed by the ticket's version (a pause of the ledger)
    /// needs it first: the save writes that row before the ticket's own versioned UPDATE, so without the
    /// claim the loser of two overlapping commands would fail on the row's key instead. On PostgreSQL the
    /// second command waits here for the first to commit; on SQLite the command already holds the write lock.
    /// </summary>
    public static async Task ClaimTicketAsync(this IApplicationDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        var claimed = await db.Tickets
            .Where(t => t.Id == ticket.Id && t.Version == ticket.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version), cancellationToken);
        if (claimed == 0)
        {
            throw new TahseenException(ErrorReason.ConcurrentUpdate);
        }
    }

    /// <summary>A ticket of the submitter's own; anyone else's is TICKET_NOT_FOUND, exactly like a missing one.</summary>
    public static async Task<Ticket> GetOwnTicketAsync(this IApplicationDbContext db, string ticketId, Guid submitterId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(ticketId);
        return await db.Tickets.FirstOrDefaultAsync(t => t.Id == id && t.SubmitterAccountId == submitterId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
    }
}
