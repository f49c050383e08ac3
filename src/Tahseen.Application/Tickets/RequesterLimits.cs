using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>The fair limits per requester: read from the <c>Tickets</c> configuration section.</summary>
public sealed class RequesterLimitOptions
{
    public const string SectionName = "Tickets";

    public const int MaxLimit = 1000;

    /// <summary>How many tickets one account may have open (not final) at once.</summary>
    public int MaxOpenPerAccount { get; set; } = 10;

    /// <summary>How many tickets one account may submit per Riyadh calendar day.</summary>
    public int MaxPerDay { get; set; } = 5;
}

/// <summary>
/// A requester's lock row and the limits it guards. <see cref="LockAsync"/> updates (or, the first
/// time, inserts) the requester's row before anything is counted: on PostgreSQL the row lock makes an
/// overlapping submit of the same requester wait until this one commits, and its counts (read
/// committed: a new snapshot per statement) then see this one's ticket; on SQLite the write holds the
/// database's one write lock. So overlapping submits never both pass on a stale count. The lock write
/// is harmless when the submit is then refused: it only bumps a counter nobody reads for a decision.
/// </summary>
public sealed class RequesterLimits(IApplicationDbContext db, UnitOfWork unitOfWork, IOptions<RequesterLimitOptions> options)
{
    /// <summary>Takes the requester's row lock and returns the row, tracked.</summary>
    public async Task<RequesterLimit> LockAsync(Guid accountId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var touched = await db.RequesterLimits.Where(l => l.AccountId == accountId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.SubmitCount, l => l.SubmitCount + 1), cancellationToken);
            if (touched == 1)
            {
                return await db.RequesterLimits.SingleAsync(l => l.AccountId == accountId, cancellationToken);
            }

            var first = RequesterLimit.For(accountId);
            db.RequesterLimits.Add(first);
            try
            {
                await unitOfWork.WriteAsync(cancellationToken);
                return first;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another call made the row first (its insert held ours until it committed); lock that one.
                // The failed save rolled back to its own savepoint, so the command's transaction goes on.
                db.RequesterLimits.Entry(first).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Refuses a submit beyond the limits, under the lock of <see cref="LockAsync"/>: a restriction that
    /// blocks submits (PERMISSION_DENIED REQUESTER_RESTRICTED, its end as a Riyadh date in the message),
    /// too many open tickets (OPEN_TICKET_LIMIT) or too many submits today in Riyadh (DAILY_TICKET_LIMIT).
    /// </summary>
    public async Task CheckSubmitAsync(RequesterLimit limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (limit.ActiveAt(now) == RequesterRestriction.SubmitBlocked)
        {
            throw new TahseenException(ErrorReason.RequesterRestricted)
            {
                Arguments = [Ticket.RiyadhDate(limit.RestrictionExpireTime!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
            };
        }

        var accountId = limit.AccountId;
        var max = options.Value;
        var open = await db.Tickets.CountAsync(
            t => t.SubmitterAccountId == accountId && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn && t.Status != TicketStatus.Rejected,
            cancellationToken);
        if (open >= max.MaxOpenPerAccount)
        {
            throw new TahseenException(ErrorReason.OpenTicketLimit) { Arguments = [max.MaxOpenPerAccount] };
        }

        var todayStart = new DateTimeOffset(Ticket.RiyadhDate(now).ToDateTime(TimeOnly.MinValue), WorkingCalendar.SaudiUtcOffset).ToUniversalTime();
        var today = await db.Tickets.CountAsync(t => t.SubmitterAccountId == accountId && t.CreateTime >= todayStart, cancellationToken);
        if (today >= max.MaxPerDay)
        {
            throw new TahseenException(ErrorReason.DailyTicketLimit)
            {
                Arguments = [max.MaxPerDay],
                RetryAfter = todayStart.AddDays(1) - now,
            };
        }
    }
}
