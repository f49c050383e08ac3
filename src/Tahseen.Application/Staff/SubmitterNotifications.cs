using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
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
    AppealLodged,
    AppealUpheld,
    AppealDismissed,
    AwaitingExternalParty,
}

/// <summary>
/// Tells the submitter by SMS that staff wrote to them: a reply, a question, a resolution or a
/// rejection, and that their appeal was received or decided. Runs from the outbox after the change committed, in the dispatcher's transaction, so the
/// SMS is queued exactly once per event. The text names the ticket by its reference number only: an
/// SMS may be read by anyone holding the phone.
/// </summary>
public sealed class SubmitterNotifications(IApplicationDbContext db, TimeProvider clock) : IDomainEventConsumer<TicketMessageAdded>
{
    public async Task HandleAsync(TicketMessageAdded domainEvent, CancellationToken cancellationToken)
    {
        if (NoticeFor(domainEvent.Action) is not { } notice)
        {
            return;
        }

        var submitter = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == domainEvent.TicketId)
            .Join(db.Accounts, t => t.SubmitterAccountId, a => a.Id, (t, a) => new { t.ReferenceNumber, a.MobileNumber, a.PersonKind })
            .FirstAsync(cancellationToken);
        if (submitter.MobileNumber.Length == 0)
        {
            // The submitter's account was erased before this event was dispatched: nobody to tell.
            return;
        }

        var text = Text(notice, submitter.ReferenceNumber, withEnglish: submitter.PersonKind == PersonKind.Resident);
        db.SmsOutbox.Add(new SmsOutboxMessage(submitter.MobileNumber, text, SmsKind.Notification, clock.GetUtcNow()));
    }

    /// <summary>Only what staff say publicly is worth a text; the submitter's own messages are not.</summary>
    public static TicketNotice? NoticeFor(TicketAction action) => action switch
    {
        TicketAction.Replied => TicketNotice.Replied,
        TicketAction.InformationRequested => TicketNotice.InformationRequested,
        TicketAction.Resolved => TicketNotice.Resolved,
        TicketAction.Rejected => TicketNotice.Rejected,
        // The submitter's own appeal is acknowledged: it starts a new clock they should know of.
        TicketAction.AppealLodged => TicketNotice.AppealLodged,
        TicketAction.AppealUpheld => TicketNotice.AppealUpheld,
        TicketAction.AppealDismissed => TicketNotice.AppealDismissed,
        // Staff's message that the ticket waits for another party: the submitter learns why it is quiet.
        TicketAction.Paused => TicketNotice.AwaitingExternalParty,
        _ => null,
    };

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
            TicketNotice.AppealLodged => (
                $"تحسين: استلمنا تظلمك على الطلب رقم {referenceNumber}، وسيبت فيه مشرف.",
                $"Tahseen: we received your appeal on ticket {referenceNumber}; a supervisor will decide it."),
            TicketNotice.AppealUpheld => (
                $"تحسين: قُبل تظلمك على الطلب رقم {referenceNumber}، وستعاد دراسته.",
                $"Tahseen: your appeal on ticket {referenceNumber} was upheld; it will be looked at again."),
            TicketNotice.AppealDismissed => (
                $"تحسين: رُفض تظلمك على الطلب رقم {referenceNumber}، ويمكنك الاطلاع على السبب في الخدمة.",
                $"Tahseen: your appeal on ticket {referenceNumber} was dismissed; the reason is in the service."),
            TicketNotice.AwaitingExternalParty => (
                $"تحسين: طلبك رقم {referenceNumber} بانتظار رد جهة أخرى، ويمكنك الاطلاع على التفاصيل في الخدمة.",
                $"Tahseen: your ticket {referenceNumber} is waiting for another party; the details are in the service."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Unknown notice."),
        };
        return withEnglish ? $"{arabic}\n{english}" : arabic;
    }
}
