using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Writes the audit log inside the write transaction that it describes. It turns what the save
/// changes (ticket history lines, security events, account and category changes) into audit lines,
/// adds the lines use cases recorded themselves (views of unmasked personal data), and links them to
/// the chain head. Appends are serialised on the database's write lock: on SQLite the transaction is
/// BEGIN IMMEDIATE, so the head read and the insert happen under one lock; the sequence is under a unique
/// index, so a writer that somehow read a stale head fails rather than forking the chain.
/// One instance serves every context (the context options are built once per process); what a save
/// carries between its steps lives on the context (<see cref="SaveState"/>), and the caller is the
/// context's own.
/// </summary>
public sealed class AuditChainInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>What one context's save carries from SavingChanges to SavedChanges or SaveChangesFailed.</summary>
    public sealed class SaveState
    {
        internal IDbContextTransaction? OwnTransaction { get; set; }

        internal List<EntityEntry<AuditEvent>> Derived { get; set; } = [];
    }

    private static SaveState StateOf(DbContext context) => ((Persistence.TahseenDbContext)context).AuditState;

    // SQLite does its work synchronously anyway; a synchronous save links the chain the same way.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        StateOf(context).Derived = Derive(context).Select(e => context.Add(e)).ToList();
        var pending = context.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added && !e.Entity.IsLinked)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0)
        {
            return result;
        }

        await TakeWriteLockAsync(context, cancellationToken);

        var head = await context.Set<AuditEvent>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var (sequence, hash) = head is null ? (0L, AuditEvent.GenesisHash) : (head.Sequence, head.Hash);
        foreach (var line in pending)
        {
            line.Link(sequence, hash, AuditChain.HashOf);
            (sequence, hash) = (line.Sequence, line.Hash);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var state = StateOf(eventData.Context!);
        if (state.OwnTransaction is not null)
        {
            await state.OwnTransaction.CommitAsync(cancellationToken);
            await EndOwnTransactionAsync(state);
        }

        state.Derived = [];
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // The lines were not appended: a later save of the same unit of work links them afresh.
        var state = StateOf(eventData.Context!);
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList())
        {
            if (state.Derived.Contains(entry))
            {
                entry.State = EntityState.Detached;
            }
            else
            {
                entry.Entity.Unlink();
            }
        }

        state.Derived = [];
        await EndOwnTransactionAsync(state);
    }

    /// <summary>
    /// Takes the lock that serialises appends before the head is read: the first statement of the
    /// transaction writes the chain's lock row, which on SQLite takes the database's single writer
    /// lock (waiting out the busy timeout) and on PostgreSQL locks that row until commit.
    /// </summary>
    private static async Task TakeWriteLockAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            StateOf(context).OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }

        await context.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{AuditChainLock.Table}\" SET \"{nameof(AuditChainLock.Takes)}\" = \"{nameof(AuditChainLock.Takes)}\" + 1 WHERE \"{nameof(AuditChainLock.Id)}\" = 1",
            cancellationToken);
    }

    private static async Task EndOwnTransactionAsync(SaveState state)
    {
        if (state.OwnTransaction is not null)
        {
            await state.OwnTransaction.DisposeAsync();
            state.OwnTransaction = null;
        }
    }

    private List<AuditEvent> Derive(DbContext context)
    {
        var now = clock.GetUtcNow();
        Guid? actor = ((Persistence.TahseenDbContext)context).Caller is { IsAuthenticated: true } caller ? caller.AccountId : null;
        var lines = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case TicketHistoryEntry history when entry.State == EntityState.Added:
                    lines.Add(new AuditEvent(
                        history.CreateTime, history.ActorAccountId, "TICKET_" + AuditChain.UpperSnake(history.Action.ToString()),
                        "ticket", entry.Property("TicketId").CurrentValue?.ToString() ?? string.Empty,
                        history.FromStatus is { } from ? $"{from} -> {history.ToStatus}" : history.ToStatus.ToString()));
                    break;
                case SecurityEvent security when entry.State == EntityState.Added:
                    lines.Add(new AuditEvent(
                        security.Time, actor, "SECURITY_" + AuditChain.UpperSnake(security.Kind.ToString()),
                        "account", security.AccountId?.ToString("D") ?? string.Empty, null));
                    break;
                case Account account when entry.State == EntityState.Added:
                    lines.Add(new AuditEvent(now, actor, "ACCOUNT_CREATED", "account", account.Id.ToString("D"), account.Roles.ToString()));
                    break;
                case Account account when entry.State == EntityState.Modified:
                    lines.AddRange(AccountChanges(entry).Select(change =>
                        new AuditEvent(now, actor, change.Action, "account", account.Id.ToString("D"), change.Detail)));
                    break;
                case Category category when entry.State is EntityState.Added or EntityState.Modified:
                    lines.Add(new AuditEvent(
                        now, actor, entry.State == EntityState.Added ? "CATEGORY_CREATED" : "CATEGORY_UPDATED",
                        "category", category.Id.ToString(), null));
                    break;
            }
        }

        return lines;
    }

    private static IEnumerable<(string Action, string? Detail)> AccountChanges(EntityEntry entry)
    {
        bool Changed(string property) => entry.Property(property).IsModified;
        var account = (Account)entry.Entity;
        if (Changed(nameof(Account.Status)))
        {
            yield return ("ACCOUNT_STATUS_CHANGED", account.Status.ToString());
        }

        if (Changed(nameof(Account.Roles)))
        {
            yield return ("ACCOUNT_ROLES_CHANGED", account.Roles.ToString());
        }

        if (Changed(nameof(Account.PasswordHash)) && Changed(nameof(Account.SecurityStamp)))
        {
            yield return ("ACCOUNT_PASSWORD_CHANGED", null);
        }

        var personal = new[] { nameof(Account.FullName), nameof(Account.MobileNumber), nameof(Account.Email), nameof(Account.NationalId) }
            .Where(Changed).ToList();
        if (personal.Count > 0)
        {
            yield return ("ACCOUNT_PERSONAL_DATA_CHANGED", string.Join(",", personal));
        }
    }
}
