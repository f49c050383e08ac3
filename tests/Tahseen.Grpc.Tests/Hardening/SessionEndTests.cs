using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Hosting;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// A session that ends stops everything it opened: its access tokens at their next call, its
/// WatchTicket streams with UNAUTHENTICATED; a stream also ends with its token, an account holds a
/// bounded number of streams. (Shutting down ends them with UNAVAILABLE at once: ShutdownDrainTests, on a
/// real process, since the in-process test server is torn down with the host and can cut the answer.)
/// </summary>
public sealed class SessionEndTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TicketKit _kit = new(factory);

    private SessionStreams Streams => factory.Services.GetRequiredService<SessionStreams>();

    [Fact]
    public async Task Logout_ends_the_sessions_access_token_and_its_watch_stream_at_once()
    {
        var citizen = await _kit.CitizenAsync();
        using var watch = await WatchAsync(citizen, await _kit.SubmitAsync(citizen));

        await _kit.Identity.LogoutAsync(new LogoutRequest { RefreshToken = citizen.RefreshToken }, citizen.Options());

        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options()).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");
        (await EndOfAsync(watch)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
    }

    [Fact]
    public async Task A_replayed_refresh_token_ends_the_session_its_new_access_tokens_and_their_streams()
    {
        var citizen = await _kit.CitizenAsync();
        var refreshed = await _kit.RefreshedAsync(citizen);
        using var watch = await WatchAsync(refreshed, await _kit.SubmitAsync(refreshed));

        (await _kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken }).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");

        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), refreshed.Options()).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");
        (await EndOfAsync(watch)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
    }

    [Fact]
    public async Task A_password_change_ends_every_stream_of_the_account()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var other = await _kit.RefreshedAsync(citizen);
        using var first = await WatchAsync(citizen, ticket);
        using var second = await WatchAsync(other, ticket);

        await _kit.Identity.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = Harness.CitizenPassword, NewPassword = "Changed2026pass" }, citizen.Options());

        (await EndOfAsync(first)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
        (await EndOfAsync(second)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_streams()
    {
        var citizen = await _kit.CitizenAsync();
        using var watch = await WatchAsync(citizen, await _kit.SubmitAsync(citizen));
        var admin = await _kit.DeskAsync(Role.Admin);

        await _kit.Admin.SetAccountStatusAsync(
            new SetAccountStatusRequest { AccountId = citizen.AccountId, Status = AccountStatus.Disabled, Reason = "Test" }, admin.Options());

        (await EndOfAsync(watch)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
    }

    [Fact]
    public async Task A_session_ended_by_another_replica_ends_its_stream_at_the_next_check()
    {
        var citizen = await _kit.CitizenAsync();
        using var watch = await WatchAsync(citizen, await _kit.SubmitAsync(citizen));

        // Another replica ended the session: the database says so, this process was not told.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            var accountId = Guid.Parse(citizen.AccountId);
            var now = factory.Clock.GetUtcNow();
            await db.Sessions.Where(s => s.AccountId == accountId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndTime, now));
        }

        // This process checked the session moments ago and may rely on that for the recheck interval (at
        // most 5 s); once it has passed, the next call reads the database again and is refused.
        var recheck = factory.Services.GetRequiredService<IOptions<AccessCheckOptions>>().Value.SessionRecheckInterval;
        recheck.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
        factory.Clock.Advance(recheck);
        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options()).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");
        await Streams.CheckSessionsAsync(CancellationToken.None);
        (await EndOfAsync(watch)).Should().Be((StatusCode.Unauthenticated, "TOKEN_INVALID"));
        SessionStreamCheck.Interval.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stream_ends_when_its_access_token_expires()
    {
        var citizen = await _kit.CitizenAsync();
        using var watch = await WatchAsync(citizen, await _kit.SubmitAsync(citizen));

        factory.Clock.Advance(TimeSpan.FromMinutes(15));

        (await EndOfAsync(watch)).Should().Be((StatusCode.Unauthenticated, "TOKEN_EXPIRED"));
    }

    [Fact]
    public async Task An_account_holds_at_most_five_streams()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        using var cancelFirst = new CancellationTokenSource();
        var watches = new List<AsyncServerStreamingCall<WatchTicketResponse>>
        {
            await WatchAsync(citizen, ticket, cancelFirst.Token),
        };
        for (var open = 1; open < 5; open++)
        {
            watches.Add(await WatchAsync(citizen, ticket));
        }

        using var sixth = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen.Options());
        var refused = await sixth.ResponseStream.MoveNext(CancellationToken.None).FailsWith(StatusCode.ResourceExhausted);
        refused.Reason.Should().Be("RATE_LIMITED");

        var open5 = Streams.Count;
        await cancelFirst.CancelAsync();
        SpinWait.SpinUntil(() => Streams.Count < open5, Patience).Should().BeTrue("the server lets go of a cancelled stream");
        watches.Add(await WatchAsync(citizen, ticket));
        watches.ForEach(w => w.Dispose());
    }

    [Fact]
    public async Task A_stream_never_delivers_an_older_version_after_a_newer_one()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        using var watch = await WatchAsync(citizen, ticket);
        TicketDto current;
        long version;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == Guid.Parse(ticket.TicketId));
            (current, version) = (TicketViews.ToPublic(stored), stored.Version);
        }

        // Events whose versions reach the feed out of order: the stream skips the one older than it delivered.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            var now = factory.Clock.GetUtcNow();
            foreach (var (subject, at) in new[] { ("second", version + 2), ("first", version + 1), ("third", version + 3) })
            {
                var added = new Domain.Tickets.TicketMessageAdded(current.TicketId, at, Domain.Tickets.TicketAction.Replied, now, Domain.Tickets.ActorRole.Staff);
                db.OutboxEvents.Add(new OutboxEvent(
                    Guid.NewGuid(), DomainEventTypes.NameOf(added), current.TicketId, at, DomainEventTypes.Serialize(added),
                    JsonSerializer.Serialize(current with { Subject = subject }, DomainEventTypes.Json), now));
                await db.SaveChangesAsync();
            }
        }

        (await NextAsync(watch)).Ticket.Subject.Should().Be("second");
        (await NextAsync(watch)).Ticket.Subject.Should().Be("third");
    }

    private async Task<AsyncServerStreamingCall<WatchTicketResponse>> WatchAsync(Caller caller, Ticket ticket, CancellationToken cancellationToken = default)
    {
        var watch = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, caller.Options(cancellationToken));
        (await NextAsync(watch)).EventType.Should().Be(TicketEventType.Snapshot);
        return watch;
    }

    private static async Task<WatchTicketResponse> NextAsync(AsyncServerStreamingCall<WatchTicketResponse> watch)
    {
        using var timeout = new CancellationTokenSource(Patience);
        (await watch.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue();
        return watch.ResponseStream.Current;
    }

    /// <summary>How the stream ended: the next read must fail, and does so without waiting for the test's patience.</summary>
    private static async Task<(StatusCode Code, string? Reason)> EndOfAsync(AsyncServerStreamingCall<WatchTicketResponse> watch)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var exception = await FluentActions.Awaiting(() => watch.ResponseStream.MoveNext(timeout.Token)).Should().ThrowAsync<RpcException>();
        var error = GrpcError.From(exception.Which);
        return (error.Code, error.Reason);
    }
}
