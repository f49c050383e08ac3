using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.CannedResponses;

/// <summary>A staff message as it will be written: its text and the canned response it came from, if any.</summary>
public sealed record StaffMessageText(string Body, Guid? CannedResponseId);

/// <summary>
/// Turns a staff member's choice (a canned response, extra text, or both) into the text of one message,
/// in the submitter's language (Arabic unless their account prefers English).
/// </summary>
public static class CannedReplies
{
    /// <summary>
    /// The message text. Without a canned response it is the body as typed; with one it is the rendered
    /// template, then the body (if any) as a paragraph of its own. The whole must fit a message.
    /// </summary>
    public static async Task<StaffMessageText> ComposeAsync(
        IApplicationDbContext db, Ticket ticket, string? cannedResponseId, string body, Guid staffId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cannedResponseId))
        {
            return new StaffMessageText(body, null);
        }

        var responseId = Guid.Parse(cannedResponseId);
        var response = await db.CannedResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken)
            ?? throw TahseenException.ForField("canned_response_id", ErrorReason.CannedResponseNotFound);
        if (!response.AppliesTo(ticket.CategoryId, ticket.Type))
        {
            throw TahseenException.ForField("canned_response_id", ErrorReason.CannedResponseNotApplicable);
        }

        var submitterId = ticket.SubmitterAccountId;
        var submitter = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == submitterId)
            .Select(a => new { a.PreferredLanguage, a.FullName, a.FullNameEn })
            .FirstAsync(cancellationToken);
        var staffName = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == staffId)
            .Select(a => a.FullName)
            .FirstAsync(cancellationToken);

        var language = submitter.PreferredLanguage;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResponseTemplate.ReferenceNumber] = ticket.ReferenceNumber,
            [ResponseTemplate.CitizenName] = FirstName(language == Language.English ? submitter.FullNameEn ?? submitter.FullName : submitter.FullName),
            [ResponseTemplate.DueDate] = HijriDate.Gregorian(ticket.DueTime),
            [ResponseTemplate.DueDateHijri] = HijriDate.Format(ticket.DueTime),
            [ResponseTemplate.StaffName] = staffName,
        };

        var text = ResponseTemplate.Render(response.BodyIn(language), values);
        if (body.Length > 0)
        {
            text = text + "\n\n" + body;
        }

        if (text.Length > TicketLimits.Body)
        {
            throw TahseenException.ForField("body", ErrorReason.FieldTooLong, TicketLimits.Body);
        }

        return new StaffMessageText(text, response.Id);
    }

    /// <summary>
    /// The first name only: it is what staff already see of the submitter (the masked view keeps it
    /// whole), so a greeting never copies the full name into the thread, where RevealSubmitter's audit
    /// would not see it.
    /// </summary>
    private static string FirstName(string fullName)
    {
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
