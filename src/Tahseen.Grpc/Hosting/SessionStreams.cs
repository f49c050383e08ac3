using System.Globalization;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// The server streams open in this process, each tied to the session (a service account's: its current
/// credential) and access token that opened it.
/// A stream ends with UNAUTHENTICATED when its session ends (at once when the end was made here, and
/// at the next <see cref="CheckSessionsAsync"/> when another replica made it) and when its token expires;
/// with UNAVAILABLE at once when the host shuts down. An account holds at most
/// <see cref="WatchOptions.MaxStreamsPerAccount"/> streams.
/// </summary>
public sealed class SessionStreams : ISessionEnds, IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<Lease> _open = [];
    private readonly WatchOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenRegistration _stopping;

    public SessionStreams(WatchOptions options, IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        _options = options;
        _scopes = scopes;
        _clock = clock;
        _stopping = lifetime.ApplicationStopping.Register(() => EndWhere(_ => true, ErrorReason.ServiceShuttingDown));
    }

    /// <summary>How many streams are open, across all accounts.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Runs a stream's body under a token that also trips when the stream must end, then answers with the
    /// reason it ended, if it did not end by itself or by the caller.
    /// </summary>
    public async Task RunAsync(ServerCallContext context, Func<CancellationToken, Task> body)
    {
        using var lease = Open(context);
        try
        {
            await body(lease.Token);
        }
        catch (Exception) when (lease.EndReason is not null)
        {
            // The stream was ended by the lease; its reason is the answer, whatever the body was doing
            // when its token tripped (a PostgreSQL query cancelled by the server, a connection closed by
            // the shutdown surface as the provider's own errors, not as a cancellation).
        }

        if (lease.EndReason is { } reason)
        {
            throw new TahseenException(reason);
        }
    }

    public void SessionEnded(Guid sessionId) => EndWhere(lease => lease.SessionId == sessionId, ErrorReason.TokenInvalid);

    public void AccountSessionsEnded(Guid accountId) => EndWhere(lease => lease.AccountId == accountId, ErrorReason.TokenInvalid);

    /// <summary>Ends the streams whose session has ended in the database; run every few seconds.</summary>
    public async Task CheckSessionsAsync(CancellationToken cancellationToken)
    {
        Guid[] sessionIds;
        lock (_lock)
        {
            sessionIds = [.. _open.Select(lease => lease.SessionId).Distinct()];
        }

        if (sessionIds.Length == 0)
        {
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var live = (await db.Sessions.AsNoTracking()
            .Where(s => sessionIds.Contains(s.Id) && s.EndTime == null)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        live.UnionWith(await db.ServiceAccounts.AsNoTracking()
            .Where(s => sessionIds.Contains(s.CredentialId) && s.Status == AccountStatus.Active)
            .Select(s => s.CredentialId)
            .ToListAsync(cancellationToken));
        EndWhere(lease => !live.Contains(lease.SessionId), ErrorReason.TokenInvalid);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        EndWhere(_ => true, ErrorReason.ServiceShuttingDown);
    }

    private Lease Open(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (!Guid.TryParse(user.FindFirstValue(TokenAuthentication.SubjectClaim), out var accountId)
            || !Guid.TryParse(user.FindFirstValue(TokenAuthentication.SessionClaim), out var sessionId)
            || !long.TryParse(user.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            throw new TahseenException(ErrorReason.TokenInvalid);
        }

        var lease = new Lease(this, accountId, sessionId, context.CancellationToken);
        lock (_lock)
        {
            if (_open.Count(open => open.AccountId == accountId) >= _options.MaxStreamsPerAccount)
            {
                lease.Dispose();
                throw new TahseenException(ErrorReason.RateLimited) { RetryAfter = TimeSpan.FromSeconds(30) };
            }

            _open.Add(lease);
        }

        var untilExpiry = DateTimeOffset.FromUnixTimeSeconds(expires) - _clock.GetUtcNow();
        lease.EndAfter(_clock, untilExpiry < TimeSpan.Zero ? TimeSpan.Zero : untilExpiry);
        return lease;
    }

    private void EndWhere(Func<Lease, bool> predicate, ErrorReason reason)
    {
        Lease[] ending;
        lock (_lock)
        {
            ending = [.. _open.Where(predicate)];
        }

        foreach (var lease in ending)
        {
            lease.End(reason);
        }
    }

    private void Close(Lease lease)
    {
        lock (_lock)
        {
            _open.Remove(lease);
        }
    }

    private sealed class Lease : IDisposable
    {
        private readonly SessionStreams _owner;
        private readonly CancellationTokenSource _cancellation;
        private ITimer? _expiry;
        private ErrorReason? _endReason;

        public Lease(SessionStreams owner, Guid accountId, Guid sessionId, CancellationToken callToken)
        {
            _owner = owner;
            AccountId = accountId;
            SessionId = sessionId;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callToken);
            Token = _cancellation.Token;
        }

        public Guid AccountId { get; }

        public Guid SessionId { get; }

        public CancellationToken Token { get; }

        public ErrorReason? EndReason => Volatile.Read(ref _endReason);

        public void EndAfter(TimeProvider clock, TimeSpan delay) =>
            _expiry = clock.CreateTimer(_ => End(ErrorReason.TokenExpired), null, delay, Timeout.InfiniteTimeSpan);

        /// <summary>The first reason wins; the stream's token trips once.</summary>
        public void End(ErrorReason reason)
        {
            if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
            {
                try
                {
                    _cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The stream closed at the same moment; nothing is left to end.
                }
            }
        }

        public void Dispose()
        {
            _owner.Close(this);
            _expiry?.Dispose();
            _cancellation.Dispose();
        }
    }
}
