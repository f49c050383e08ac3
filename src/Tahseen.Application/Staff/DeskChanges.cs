using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// The steps every case-work change shares: the caller must be staff, the ticket is loaded, the domain
/// move is made as that caller, the submitter is told by SMS when the move is one they must hear of,
/// and the ticket is saved (and watchers told). Each use case supplies only its move.
/// </summary>
public sealed class DeskChanges(TicketStore tickets, SubmitterNotifications notifications, ICurrentUser user, TimeProvider clock)
{
    public delegate void Move(Ticket ticket, Guid staffId, ActorRole role, DateTimeOffset now);

    public async Task<StaffTicketDto> ApplyAsync(string ticketId, Move move, TicketNotice? notice, CancellationToken cancellationToken)
    {
        var role = user.RequireStaff();
        var ticket = await tickets.GetAsync(Guid.Parse(ticketId), cancellationToken);
        var now = clock.GetUtcNow();
        move(ticket, user.AccountId, role, now);
        if (notice is { } submitterNotice)
        {
            await notifications.QueueAsync(ticket, submitterNotice, now, cancellationToken);
        }

        await tickets.SaveAsync(ticket, cancellationToken);
        return TicketViews.ToStaff(ticket);
    }
}
