using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Application.Identity;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Privacy;

public enum ErasureOutcome
{
    Erased,

    /// <summary>The account still has open tickets; the request waits for them to be closed.</summary>
    WaitingForOpenTickets,

    /// <summary>The request is completed or does not exist: nothing to do.</summary>
    NotOpen,
}

/// <summary>Carries out one erasure request; run by the erasure job, never by a caller.</summary>
public sealed record EraseAccountCommand(Guid RequestId) : IRequest<ErasureOutcome>;

/// <summary>
/// Destroys an account's personal data in one unit of work, once its tickets are all closed (an open
/// ticket is still being worked, and the person is told about it by SMS). Kept: the account row under a
/// pseudonym (tickets point at it), every ticket with its type, category, statuses, times, score and
/// history (statistics stay as they were), the security log's lines (kept 12 months for the security
/// controls, their free-text details cleared) and the audit chain, which never held clear personal data.
/// Gone: identity, names, contacts, username, password, sessions, pending code steps and SMS, every
/// ticket text the person or staff wrote about the case, and the copies adapters keep.
/// </summary>
public sealed class EraseAccountCommandHandler(
    IApplicationDbContext db,
    IPersonalDataLookup lookup,
    IPersonalDataCopies copies,
    AccountSessions sessions,
    TimeProvider clock)
    : IRequestHandler<EraseAccountCommand, ErasureOutcome>
{
    private static readonly TicketStatus[] OpenStatuses =
        [.. Enum.GetValues<TicketStatus>().Where(s => !TicketStateMachine.IsFinal(s))];

    public async Task<ErasureOutcome> Handle(EraseAccountCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var erasure = await db.DataSubjectRequests.FirstOrDefaultAsync(
            r => r.Id == request.RequestId && r.Kind == DataSubjectRequestKind.Erasure, cancellationToken);
        if (erasure is not { IsOpen: true })
        {
            return ErasureOutcome.NotOpen;
        }

        var accountId = erasure.AccountId;
        if (await db.Tickets.AnyAsync(t => t.SubmitterAccountId == accountId && OpenStatuses.Contains(t.Status), cancellationToken))
        {
            erasure.WaitForOpenTickets(now);
            return ErasureOutcome.WaitingForOpenTickets;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        var tickets = await db.Tickets.Where(t => t.SubmitterAccountId == accountId).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RedactPersonalContent(now);
        }

        await copies.RedactTicketCopiesAsync([.. tickets.Select(t => t.Id)], cancellationToken);
        await EraseCodeStepsAndMessagesAsync(account, cancellationToken);
        await db.SecurityEvents
            .Where(e => e.AccountId == accountId && e.Detail != null)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Detail, (string?)null), cancellationToken);
        await copies.EraseAccountCopiesAsync(accountId, account.MobileNumber, cancellationToken);
        await sessions.EndAllSessionsAsync(accountId, cancellationToken);

        account.Erase(now);
        erasure.Complete(now);
        db.AuditEvents.Add(new AuditEvent(
            now, null, PrivacyAuditActions.ErasureCompleted, "account", accountId.ToString("D"),
            $"request {erasure.Id:D}; {tickets.Count} tickets redacted"));
        return ErasureOutcome.Erased;
    }

    /// <summary>
    /// Code steps name the identity, mobile and e-mail; SMS waiting to leave carry the mobile. A
    /// registration step has no account, so it is recognised by the identity it registers.
    /// </summary>
    private async Task EraseCodeStepsAndMessagesAsync(Account account, CancellationToken cancellationToken)
    {
        await db.OtpChallenges.Where(c => c.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        if (account.NationalId is { } nationalId)
        {
            var registrations = await db.OtpChallenges.Where(c => c.Purpose == OtpPurpose.Registration).ToListAsync(cancellationToken);
            db.OtpChallenges.RemoveRange(registrations.Where(c => c.NationalId == nationalId));
        }

        if (account.MobileNumber.Length > 0)
        {
            await db.SmsOutbox.Matching(lookup.MobileNumber(account.MobileNumber)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
