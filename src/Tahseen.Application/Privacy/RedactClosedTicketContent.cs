using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Privacy;

/// <summary>
/// The retention schedule for ticket content: redacts up to <paramref name="BatchSize"/> tickets closed
/// before <paramref name="ClosedBefore"/>; returns how many. Run by the retention job, never by a caller.
/// </summary>
public sealed record RedactClosedTicketContentCommand(DateTimeOffset ClosedBefore, int BatchSize) : IRequest<int>;

/// <summary>The same redaction as an erasure (<see cref="Ticket.RedactPersonalContent"/>), applied by age instead of by request.</summary>
public sealed class RedactClosedTicketContentCommandHandler(IApplicationDbContext db, IPersonalDataCopies copies, TimeProvider clock)
    : IRequestHandler<RedactClosedTicketContentCommand, int>
{
    private static readonly TicketStatus[] FinalStatuses =
        [.. Enum.GetValues<TicketStatus>().Where(TicketStateMachine.IsFinal)];

    public async Task<int> Handle(RedactClosedTicketContentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closedBefore = request.ClosedBefore;
        var tickets = await db.Tickets
            .Where(t => FinalStatuses.Contains(t.Status) && t.CloseTime < closedBefore && t.ContentRedactTime == null)
            .OrderBy(t => t.CloseTime)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RedactPersonalContent(now);
            db.AuditEvents.Add(new AuditEvent(
                now, null, PrivacyAuditActions.TicketContentRedacted, "ticket", ticket.Id.ToString("D"), "retention"));
        }

        await copies.RedactTicketCopiesAsync([.. tickets.Select(t => t.Id)], cancellationToken);
        return tickets.Count;
    }
}
