using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Notifications;
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
    DueTimeMoved,
    AwaitingExternalParty,
}

/// <summary>
/// Tells the submitter by SMS that staff wrote to them: a reply, a question, a resolution or a
/// rejection; that their appeal was received or decided; and that their ticket's due date moved (a
/// holiday changed). Runs from the outbox after the change committed, in the dispatcher's transaction, so
/// the SMS is queued exactly once per event. The text names the ticket by its reference number only: an
/// SMS may be read by anyone holding the phone. A text that gives a date writes it with <see cref="SmsDate"/>.
/// </summary>
public sealed class SubmitterNotifications(IApplicationDbContext db, TimeProvider clock)
    : IDomainEventConsumer<TicketMessageAdded>, IDomainEventConsumer<TicketDueTimeChanged>
{
    public async Task HandleAsync(TicketMessageAdded domainEvent, CancellationToken cancellationToken)
    {
        if (NoticeFor(domainEvent.Action) is { } notice)
        {
            // The ticket's due time as it is now: the appeal's, or the one an upheld appeal set.
            await NotifyAsync(domainEvent.TicketId, notice, dueTime: null, cancellationToken);
        }
    }

    public Task HandleAsync(TicketDueTimeChanged domainEvent, CancellationToken cancellationToken) =>
        NotifyAsync(domainEvent.TicketId, TicketNotice.DueTimeMoved, domainEvent.DueTime, cancellationToken);

    private async Task NotifyAsync(Guid ticketId, TicketNotice notice, DateTimeOffset? dueTime, CancellationToken cancellationToken)
    {
        var submitter = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Join(
                db.Accounts, t => t.SubmitterAccountId, a => a.Id,
                (t, a) => new { t.ReferenceNumber, t.DueTime, a.MobileNumber, a.PersonKind, a.PreferredLanguage })
            .FirstAsync(cancellationToken);
        if (submitter.MobileNumber.Length == 0)
        {
            // The submitter's account was erased before this event was dispatched: nobody to tell.
            return;
        }

        var text = Text(
            notice, submitter.ReferenceNumber, dueTime ?? submitter.DueTime, SmsDate.WithEnglish(submitter.PersonKind, submitter.PreferredLanguage));
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

    /// <summary>
    /// Arabic for everyone; residents and those who prefer English get the English text after it (see
    /// <see cref="SmsDate.WithEnglish"/>). <paramref name="dueTime"/> is the ticket's due time, given by the
    /// notices that start or move a clock.
    /// </summary>
    public static string Text(TicketNotice notice, string referenceNumber, DateTimeOffset dueTime, bool withEnglish)
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
                $"تحسين: استلمنا تظلمك على الطلب رقم {referenceNumber}، وسيبت فيه مشرف في موعد أقصاه {SmsDate.Arabic(dueTime)}.",
                $"Tahseen: we received your appeal on ticket {referenceNumber}; a supervisor will decide it by {SmsDate.English(dueTime)}."),
            TicketNotice.AppealUpheld => (
                $"تحسين: قُبل تظلمك على الطلب رقم {referenceNumber}، وستعاد دراسته، وموعد الرد المتوقع {SmsDate.Arabic(dueTime)}.",
                $"Tahseen: your appeal on ticket {referenceNumber} was upheld; it will be looked at again, with an answer expected by {SmsDate.English(dueTime)}."),
            TicketNotice.AppealDismissed => (
                $"تحسين: رُفض تظلمك على الطلب رقم {referenceNumber}، ويمكنك الاطلاع على السبب في الخدمة.",
                $"Tahseen: your appeal on ticket {referenceNumber} was dismissed; the reason is in the service."),
            TicketNotice.DueTimeMoved => (
                $"تحسين: تغير موعد الرد المتوقع على طلبك رقم {referenceNumber} بسبب تعديل الإجازات الرسمية، وأصبح {SmsDate.Arabic(dueTime)}.",
                $"Tahseen: the official holidays changed; the expected answer date of your ticket {referenceNumber} is now {SmsDate.English(dueTime)}."),
            TicketNotice.AwaitingExternalParty => (
                $"تحسين: طلبك رقم {referenceNumber} بانتظار رد جهة أخرى، ويمكنك الاطلاع على التفاصيل في الخدمة.",
                $"Tahseen: your ticket {referenceNumber} is waiting for another party; the details are in the service."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Unknown notice."),
        };
        return withEnglish ? $"{arabic}\n{english}" : arabic;
    }
}
