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

    /// <summary>A ticket of the submitter's own; anyone else's is TICKET_NOT_FOUND, exactly like a missing one.</summary>
    public static async Task<Ticket> GetOwnTicketAsync(this IApplicationDbContext db, string ticketId, Guid submitterId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(ticketId);
        return await db.Tickets.FirstOrDefaultAsync(t => t.Id == id && t.SubmitterAccountId == submitterId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);
    }
}
