using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Security;

/// <summary>Settings of the access-check cache (section <c>Security</c>).</summary>
public sealed class AccessCheckOptions
{
    public const string SectionName = "Security";

    /// <summary>The most a change made on another replica may take to refuse a call here; the cross-replica bound is 5 seconds.</summary>
    public static readonly TimeSpan MaxRecheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an authenticated call may rely on this process's last check of its session (still open,
    /// account active, same security stamp, its roles) before asking the database again. Zero asks on
    /// every call.
    /// </summary>
    public TimeSpan SessionRecheckInterval { get; set; } = MaxRecheckInterval;
}

/// <summary>
/// What this process last read about a session, so that an authenticated call does not cost a database
/// round trip. Changes made here are seen by the next call: the command that ends a session, disables an
/// account, rotates a service credential or changes roles tells the cache once it has committed
/// (<see cref="AccountChanged"/>). Changes made by another replica are seen once the entry is older
/// than <see cref="AccessCheckOptions.SessionRecheckInterval"/> (at most 5 seconds).
/// <para>
/// A check that read the database before a change committed must not put its stale answer back after the
/// change was told. Each account maps to one of a fixed number of generation counters; a check notes the
/// counter before it reads and the entry is kept only with that number, so an entry stored by a read that
/// overlapped a change is never used (at worst a collision costs another account one extra read).
/// </para>
/// </summary>
public sealed class AccessCheckCache(TimeProvider clock, IOptions<AccessCheckOptions> options) : IAccessChanges
{
    /// <summary>Entries kept before the cache starts again; each is a session or service credential in use.</summary>
    public const int MaxEntries = 100_000;

    private const int Stripes = 4096;

    private readonly long[] _generations = new long[Stripes];
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly long _recheckTicks = options.Value.SessionRecheckInterval.Ticks;

    /// <summary>The generation to pass to <see cref="Store"/>: read it before asking the database.</summary>
    public long Generation(Guid accountId) => Volatile.Read(ref _generations[Stripe(accountId)]);

    /// <summary>The roles of a session (or service credential) checked recently enough by this process, for this account and stamp.</summary>
    public bool TryGet(Guid sessionId, Guid accountId, string stamp, out AccountRoles roles)
    {
        if (_recheckTicks > 0
            && _entries.TryGetValue(sessionId, out var entry)
            && entry.AccountId == accountId
            && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal)
            && entry.Generation == Generation(accountId)
            && clock.GetTimestamp() - entry.CheckedAt < RecheckTimestampTicks)
        {
            roles = entry.Roles;
            return true;
        }

        roles = AccountRoles.None;
        return false;
    }

    /// <summary>Keeps a positive check made under <paramref name="generation"/>; refusals are never kept.</summary>
    public void Store(Guid sessionId, Guid accountId, string stamp, AccountRoles roles, long generation)
    {
        if (_recheckTicks <= 0)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            // Sessions in use at once are far fewer; a full cache is mostly ended sessions, and a clear
            // costs each live one a single read.
            _entries.Clear();
        }

        _entries[sessionId] = new Entry(accountId, stamp, roles, generation, clock.GetTimestamp());
    }

    /// <inheritdoc />
    public void AccountChanged(Guid accountId) => Interlocked.Increment(ref _generations[Stripe(accountId)]);

    private long RecheckTimestampTicks => (long)(_recheckTicks * (clock.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    private static int Stripe(Guid accountId) => (int)((uint)accountId.GetHashCode() % Stripes);

    private sealed record Entry(Guid AccountId, string Stamp, AccountRoles Roles, long Generation, long CheckedAt);
}
