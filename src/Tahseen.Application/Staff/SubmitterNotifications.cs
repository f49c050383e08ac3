using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

public enum TicketNotice
{
    Replied,
    InformationRequested,
    Resolved,
    Rejected,
}

/// <summary>
/// Tells the submitter by SMS that staff acted on their ticket. The message joins the same unit of work
/// as the change, so it leaves if and only if the change commits. The text names the ticket by its
/// reference number only: an SMS may be read by anyone holding the phone.
/// </summary>
public sealed class SubmitterNotifications(IApplicationDbContext db)
{
    public async Task QueueAsync(Ticket ticket, TicketNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var submitter = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == ticket.SubmitterAccountId)
            .Select(a => new { a.MobileNumber, a.PersonKind })
            .FirstAsync(cancellationToken);

        var text = Text(notice, ticket.ReferenceNumber, withEnglish: submitter.PersonKind == PersonKind.Resident);
        db.SmsOutbox.Add(new SmsOutboxMessage(submitter.MobileNumber, text, SmsKind.Notification, now));
    }

    /// <summary>Arabic for everyone; residents, who may not read Arabic, get the English text after it.</summary>
    public static string Text(TicketNotice notice, string referenceNumber, bool withEnglish)
    {
        var (arabic, english) = notice switch
        {
            TicketNotice.Replied => (
                $"تحسين: وصل رد جديد على طلبك رقم {referenceNumber}.",
                $"Tahseen: there is a new reply to your ticket {referenceNumber}."),
            TicketNotice.InformationRequested => (
                $"تحسين: نحتاج إلى معلومات إضافية بشأن طلبك رقم {referenceNumber}؛ يرجى الرد عبر الخدمة.",
                $"Tahseen: we need more information about your ticket {referenceNumber}; please reply in the service."),
            TicketNotice.Resolved => (
                $"تحسين: تمت معالجة طلبك رقم {referenceNumber}، ويسعدنا تقييمك للخدمة.",
                $"Tahseen: your ticket {referenceNumber} has been resolved; we would value your rating."),
            TicketNotice.Rejected => (
                $"تحسين: تعذر قبول طلبك رقم {referenceNumber}، ويمكنك الاطلاع على السبب في الخدمة.",
                $"Tahseen: your ticket {referenceNumber} could not be accepted; the reason is in the service."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Unknown notice."),
        };
        return withEnglish ? $"{arabic}\n{english}" : arabic;
    }
}
