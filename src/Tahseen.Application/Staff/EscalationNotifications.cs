using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// Tells the assignee and the category's supervisors (active supervisors who work the category) by
/// SMS that a ticket passed its due time. Runs from the outbox after the escalation committed, once
/// per event. The text names the ticket by its reference number only.
/// </summary>
public sealed class EscalationNotifications(IApplicationDbContext db, TimeProvider clock) : IDomainEventConsumer<TicketSlaBreached>
{
    public async Task HandleAsync(TicketSlaBreached domainEvent, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == domainEvent.TicketId)
            .Select(t => new { t.ReferenceNumber, t.CategoryId, t.AssigneeAccountId })
            .FirstAsync(cancellationToken);
        var supervisors = db.StaffCategories.Where(s => s.CategoryId == ticket.CategoryId).Select(s => s.AccountId);
        var assignee = ticket.AssigneeAccountId;
        var mobiles = await db.Accounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Active
                && (a.Id == assignee || ((a.Roles & AccountRoles.Supervisor) == AccountRoles.Supervisor && supervisors.Contains(a.Id))))
            .Select(a => a.MobileNumber)
            .ToListAsync(cancellationToken);

        var text = Text(ticket.ReferenceNumber);
        var now = clock.GetUtcNow();
        foreach (var mobile in mobiles.Where(m => m.Length > 0).Distinct(StringComparer.Ordinal))
        {
            db.SmsOutbox.Add(new SmsOutboxMessage(mobile, text, SmsKind.Notification, now));
        }
    }

    public static string Text(string referenceNumber) =>
        $"تحسين: تجاوز الطلب رقم {referenceNumber} موعده المحدد وصُعِّد إلى المشرفين.\nTahseen: ticket {referenceNumber} is past its due time and was escalated to supervisors.";
}
