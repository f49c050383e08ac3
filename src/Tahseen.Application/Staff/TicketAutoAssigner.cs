using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Staff;

/// <summary>
/// Gives a new ticket, in its submit's transaction, to the active staff member (STAFF or SUPERVISOR)
/// of its category with the fewest open tickets; a tie goes to the one whose last assignment is
/// oldest (never assigned first). Nobody working the category leaves the ticket in the queue.
/// <para>
/// Atomicity: before counting, the category's row is updated (<see cref="Category.AutoAssignCount"/>).
/// On SQLite that write holds the database's one write lock until commit; on PostgreSQL the row lock
/// makes a second submit in the same category wait for the first to commit, and its count (read
/// committed: a new snapshot per statement) then sees the first one's ticket. So two submits never
/// both pick from a stale count.
/// </para>
/// </summary>
public sealed class TicketAutoAssigner(IApplicationDbContext db, IOptions<AssignmentOptions> options)
{
    /// <summary>Assigns <paramref name="ticket"/> (added, not yet saved); returns whether anyone took it.</summary>
    public async Task<bool> AssignNewAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!options.Value.AutoAssigns)
        {
            return false;
        }

        var categoryId = ticket.CategoryId;
        await db.Categories.Where(c => c.Id == categoryId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AutoAssignCount, c => c.AutoAssignCount + 1), cancellationToken);

        var chosen = await LeastLoadedAsync(categoryId, cancellationToken);
        if (chosen is null)
        {
            return false;
        }

        ticket.AutoAssign(chosen.Value.AccountId, chosen.Value.FullName, now);
        await TouchAsync(chosen.Value.AccountId, now, cancellationToken);
        return true;
    }

    /// <summary>Records that a ticket was just given to <paramref name="accountId"/> (the tie-breaker of the rule).</summary>
    public Task TouchAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Accounts.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LastAssignTime, now), cancellationToken);

    /// <summary>
    /// The least-loaded active staff member of the category other than <paramref name="excluded"/> (an
    /// upheld appeal goes to someone else than whoever settled it), under the category's lock row as for
    /// a new ticket; null when nobody else works the category (the ticket goes to the queue).
    /// </summary>
    public async Task<(Guid AccountId, string FullName)?> PickLeastLoadedAsync(Guid categoryId, Guid? excluded, CancellationToken cancellationToken)
    {
        await db.Categories.Where(c => c.Id == categoryId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AutoAssignCount, c => c.AutoAssignCount + 1), cancellationToken);
        return await LeastLoadedAsync(categoryId, cancellationToken, excluded);
    }

    private async Task<(Guid AccountId, string FullName)?> LeastLoadedAsync(Guid categoryId, CancellationToken cancellationToken, Guid? excluded = null)
    {
        var open = Ticket.OpenStatuses;
        const AccountRoles workers = AccountRoles.Staff | AccountRoles.Supervisor;
        var candidate = await db.StaffCategories.AsNoTracking()
            .Where(s => s.CategoryId == categoryId)
            .Join(
                db.Accounts.Where(a => a.Status == AccountStatus.Active && (a.Roles & workers) != 0 && a.Id != excluded),
                s => s.AccountId,
                a => a.Id,
                (s, a) => new
                {
                    a.Id,
                    a.LastAssignTime,
                    Load = db.Tickets.Count(t => t.AssigneeAccountId == a.Id && open.Contains(t.Status)),
                })
            .OrderBy(c => c.Load)
            .ThenBy(c => c.LastAssignTime != null)
            .ThenBy(c => c.LastAssignTime)
            .ThenBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        // The name is sealed personal data: read through the entity so that it is opened.
        var name = await db.Accounts.AsNoTracking().Where(a => a.Id == candidate.Id).Select(a => a.FullName).SingleAsync(cancellationToken);
        return (candidate.Id, name);
    }
}
