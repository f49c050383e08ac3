using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Tests.Security;

/// <summary>
/// The cache that spares an authenticated call its database read: an answer is used for the recheck
/// interval only, a change told after its commit wins over a read that overlapped it, and nothing is kept
/// when the interval is zero.
/// </summary>
public sealed class AccessCheckCacheTests
{
    private static readonly Guid Session = Guid.NewGuid();
    private static readonly Guid Account = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_check_is_used_for_the_recheck_interval_and_not_after()
    {
        var cache = Cache(TimeSpan.FromSeconds(5));
        cache.Store(Session, Account, "stamp", AccountRoles.Staff, cache.Generation(Account));

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        cache.TryGet(Session, Account, "stamp", out var roles).Should().BeTrue();
        roles.Should().Be(AccountRoles.Staff);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        cache.TryGet(Session, Account, "stamp", out _).Should().BeFalse("another replica's change must be seen within the interval");
    }

    [Fact]
    public void A_change_told_after_its_commit_ends_the_answer_at_once()
    {
        var cache = Cache(TimeSpan.FromSeconds(5));
        cache.Store(Session, Account, "stamp", AccountRoles.Admin, cache.Generation(Account));

        cache.AccountChanged(Account);

        cache.TryGet(Session, Account, "stamp", out _).Should().BeFalse();
    }

    [Fact]
    public void A_read_that_overlapped_a_change_is_never_used()
    {
        var cache = Cache(TimeSpan.FromSeconds(5));

        // The check reads the database, a logout commits and is told, then the check stores what it read.
        var generation = cache.Generation(Account);
        cache.AccountChanged(Account);
        cache.Store(Session, Account, "stamp", AccountRoles.Citizen, generation);

        cache.TryGet(Session, Account, "stamp", out _).Should().BeFalse();

        // The next check, read after the change, is kept.
        cache.Store(Session, Account, "stamp", AccountRoles.Citizen, cache.Generation(Account));
        cache.TryGet(Session, Account, "stamp", out _).Should().BeTrue();
    }

    [Fact]
    public void Another_stamp_or_account_is_a_miss()
    {
        var cache = Cache(TimeSpan.FromSeconds(5));
        cache.Store(Session, Account, "stamp", AccountRoles.Citizen, cache.Generation(Account));

        cache.TryGet(Session, Account, "new-stamp", out _).Should().BeFalse();
        cache.TryGet(Session, Guid.NewGuid(), "stamp", out _).Should().BeFalse();
    }

    [Fact]
    public void A_zero_interval_checks_every_call()
    {
        var cache = Cache(TimeSpan.Zero);
        cache.Store(Session, Account, "stamp", AccountRoles.Citizen, cache.Generation(Account));

        cache.TryGet(Session, Account, "stamp", out _).Should().BeFalse();
    }

    private AccessCheckCache Cache(TimeSpan interval) =>
        new(_clock, Options.Create(new AccessCheckOptions { SessionRecheckInterval = interval }));
}
