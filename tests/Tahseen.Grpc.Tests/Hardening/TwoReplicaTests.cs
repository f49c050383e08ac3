using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// The deployment a ministry runs (README "Deploy at scale"): two real server processes on one PostgreSQL
/// database, every call sent to a random replica. Registration, sign-in and ticket flows run through both
/// at once; then one replica is killed with SIGKILL in the middle of the load and the other must finish
/// the work the dead one had claimed. Loopback only, bounded in calls and time; the figures go to the
/// test output.
/// </summary>
public sealed partial class TwoReplicaTests(ITestOutputHelper output)
{
    private const string NeedsPostgreSql = "two server processes share one database only on PostgreSQL (SQLite is one process, one file)";
    private const string Password = "Replica2026pass";
    private const string CategoryId = "0b7f3c4e-0001-4a6e-9c1d-5a0000000001";
    private const int Citizens = 8;
    private const int TicketsPerCitizen = 6;
    private const int WritesBeforeKill = 24;
    private const int WritesAfterKill = 24;
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(90);

    // An SMS leased by the killed replica is taken again once its lease (30 s) runs out; then the poll.
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(120);

    private readonly ConcurrentBag<string> _acknowledgedAccounts = [];
    private readonly ConcurrentBag<(string TicketId, string Reference, Metadata Owner)> _acknowledgedTickets = [];
    private readonly ConcurrentBag<(string TicketId, string Body)> _acknowledgedMessages = [];
    private readonly ConcurrentBag<string> _requestIds = [];
    private readonly TaskCompletionSource _enoughWrites = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _enoughAfterKill = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<Replica> _replicas = [];
    private List<SandboxIdentity> _identities = [];
    private int _nextIdentity;
    private int _calls;
    private int _codesAcknowledged;
    private int _writes;
    private int _writesAfterKill;
    private volatile bool _killed;

    [PostgreSqlFact(NeedsPostgreSql)]
    public async Task Two_replicas_under_load_and_a_SIGKILL_keep_every_acknowledged_write_once_and_send_every_SMS_once()
    {
        await using var database = TestDatabase.Create("tahseen-replicas");
        var (signingKey, hashKey) = (TestSigningKeys.NewPem(), ServerProcess.NewKey());
        // The first replica migrates and seeds (Development); the second starts on the finished schema, as the
        // separate migrate step leaves it in Production.
        await using var a = await ServerProcess.StartAsync(database, signingKey, hashKey);
        await using var b = await ServerProcess.StartAsync(database, signingKey, hashKey);
        _replicas = [new Replica("A", a), new Replica("B", b)];
        _identities = [.. (await _replicas[0].Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
            .Where(i => i.Eligible && !i.Registered && i.PersonKind == PersonKind.Citizen)];

        // Both replicas at once: every citizen's whole flow, each call to a random replica.
        var people = await Task.WhenAll(Enumerable.Range(0, Citizens).Select(_ => Task.Run(CitizenThroughBothAsync)));
        var callsBeforeKill = Volatile.Read(ref _calls);

        // Load through both again; replica A dies with SIGKILL in the middle of it.
        using var stop = new CancellationTokenSource(LoadLimit);
        var writers = people.Select(person => Task.Run(() => WriteTicketsAsync(person, stop.Token)))
            .Append(Task.Run(() => RegisterAsync(stop.Token)))
            .ToList();
        await Task.WhenAny(_enoughWrites.Task, Task.WhenAll(writers), Task.Delay(Timeout.Infinite, stop.Token));
        _killed = true;
        await a.KillAsync();
        var pendingAtKill = await database.CountAsync("SELECT count(*) FROM sms_outbox WHERE \"SentTime\" IS NULL AND \"AbandonTime\" IS NULL");
        await Task.WhenAny(_enoughAfterKill.Task, Task.WhenAll(writers), Task.Delay(Timeout.Infinite, stop.Token));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var survivor = _replicas[1];
        await AllSmsSentAsync(database);

        foreach (var accountId in _acknowledgedAccounts)
        {
            (await database.CountAsync("SELECT count(*) FROM accounts WHERE lower(CAST(\"Id\" AS TEXT)) = lower(@id)", ("id", accountId)))
                .Should().Be(1, "an acknowledged registration is stored");
        }

        foreach (var (ticketId, reference, owner) in _acknowledgedTickets)
        {
            var ticket = (await survivor.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticketId }, owner)).Ticket;
            ticket.ReferenceNumber.Should().Be(reference);
            _acknowledgedMessages.Where(m => m.TicketId == ticketId).Select(m => m.Body)
                .Should().BeSubsetOf(ticket.Messages.Select(m => m.Body), "every acknowledged message is stored");
        }

        var storedAccounts = await database.CountAsync("SELECT count(*) FROM accounts WHERE \"NationalIdHash\" IS NOT NULL");
        var duplicateIdentities = await database.CountAsync(
            "SELECT count(*) FROM (SELECT \"NationalIdHash\" FROM accounts WHERE \"NationalIdHash\" IS NOT NULL GROUP BY \"NationalIdHash\" HAVING count(*) > 1) d");
        var storedTickets = await database.CountAsync("SELECT count(*) FROM tickets");
        var duplicateReferences = await database.CountAsync("SELECT count(*) - count(DISTINCT \"ReferenceNumber\") FROM tickets");
        var queuedSms = await database.CountAsync("SELECT count(*) FROM sms_outbox");
        var deliveredSms = await database.CountAsync("SELECT count(*) FROM sandbox_sms_messages");
        var strays = await database.CountAsync(
            "SELECT count(*) FROM sandbox_sms_messages m LEFT JOIN sms_outbox o ON CAST(o.\"Id\" AS TEXT) = lower(CAST(m.\"Reference\" AS TEXT)) WHERE o.\"Id\" IS NULL");
        var notExactlyOnce = await database.CountAsync(
            "SELECT count(*) FROM sms_outbox o WHERE (SELECT count(*) FROM sandbox_sms_messages m WHERE lower(CAST(m.\"Reference\" AS TEXT)) = CAST(o.\"Id\" AS TEXT)) <> 1");
        var distinctTickets = _acknowledgedTickets.Select(t => t.TicketId).Distinct().Count();

        output.WriteLine($"two-replica: replicas 2 (A killed with SIGKILL after {callsBeforeKill} calls of the first phase and {WritesBeforeKill} writes of the second)");
        output.WriteLine($"two-replica: calls: {Volatile.Read(ref _calls)} (A {_replicas[0].Calls}, B {_replicas[1].Calls}), each to a random live replica");
        output.WriteLine($"two-replica: accounts: acknowledged {_acknowledgedAccounts.Count}, stored {storedAccounts}, identities with two accounts {duplicateIdentities}");
        output.WriteLine($"two-replica: tickets: acknowledged {distinctTickets}, stored {storedTickets} (request ids sent {_requestIds.Distinct().Count()}), duplicate reference numbers {duplicateReferences}");
        output.WriteLine($"two-replica: messages: acknowledged {_acknowledgedMessages.Count}, all present");
        output.WriteLine($"two-replica: SMS: expected {queuedSms} (queued in the outbox; codes acknowledged to callers {Volatile.Read(ref _codesAcknowledged)}), " +
            $"sent {deliveredSms}, not exactly once {notExactlyOnce}, unsent at the kill {pendingAtKill}");

        _acknowledgedAccounts.Should().HaveCountGreaterThanOrEqualTo(Citizens).And.OnlyHaveUniqueItems();
        duplicateIdentities.Should().Be(0, "no identity has two accounts");
        storedTickets.Should().BeLessThanOrEqualTo(_requestIds.Distinct().Count(), "a request_id makes at most one ticket, whichever replica it reached");
        storedTickets.Should().BeGreaterThanOrEqualTo(distinctTickets);
        duplicateReferences.Should().Be(0);
        queuedSms.Should().BeGreaterThanOrEqualTo(Volatile.Read(ref _codesAcknowledged), "every code a caller was promised went through the outbox");
        strays.Should().Be(0, "every delivered SMS comes from the outbox");
        notExactlyOnce.Should().Be(0, "every outbox message reaches the phone exactly once");
        deliveredSms.Should().Be(queuedSms);
        Volatile.Read(ref _calls).Should().BeGreaterThanOrEqualTo(200);
    }

    [PostgreSqlFact(NeedsPostgreSql)]
    public async Task A_change_committed_on_one_replica_reaches_a_watch_stream_held_by_the_other()
    {
        await using var database = TestDatabase.Create("tahseen-replicas");
        var (signingKey, hashKey) = (TestSigningKeys.NewPem(), ServerProcess.NewKey());
        await using var a = await ServerProcess.StartAsync(database, signingKey, hashKey);
        await using var b = await ServerProcess.StartAsync(database, signingKey, hashKey);
        var (onA, onB) = (new Replica("A", a), new Replica("B", b));
        _replicas = [onA, onB];
        _identities = [.. (await onA.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
            .Where(i => i.Eligible && !i.Registered && i.PersonKind == PersonKind.Citizen)];
        var citizen = await RegisterOnAsync(onA);
        var staffAccount = (await onA.Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts
            .First(x => x.Roles.Contains(Role.Staff) && !x.Roles.Contains(Role.Admin));
        var staff = await SignInOnAsync(onA, onA, staffAccount.Username, staffAccount.Password, staffAccount.MobileNumber);
        var ticket = (await onA.Tickets.SubmitTicketAsync(NewTicket(), citizen.Session)).Ticket;
        await onA.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Session);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var watch = onB.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen.Session, cancellationToken: deadline.Token);
        (await watch.ResponseStream.MoveNext(deadline.Token)).Should().BeTrue();
        watch.ResponseStream.Current.EventType.Should().Be(TicketEventType.Snapshot);

        var body = $"Answered on replica A {Guid.NewGuid():N}";
        var stopwatch = Stopwatch.StartNew();
        await onA.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = body }, staff.Session);
        var delivered = false;
        while (!delivered && await watch.ResponseStream.MoveNext(deadline.Token))
        {
            delivered = watch.ResponseStream.Current.Ticket.Messages.Any(m => m.Body == body);
        }

        output.WriteLine($"two-replica: a reply committed on A reached the WatchTicket stream on B after {stopwatch.ElapsedMilliseconds} ms");
        delivered.Should().BeTrue("the stream on replica B yields the reply committed on replica A");
        watch.ResponseStream.Current.EventType.Should().BeOneOf(TicketEventType.MessageAdded, TicketEventType.StatusChanged, TicketEventType.Assigned);
    }

    /// <summary>One citizen's whole life through both replicas at once.</summary>
    private async Task<Person> CitizenThroughBothAsync()
    {
        var citizen = await RegisterRacingAsync();
        var tickets = new List<(string TicketId, string Reference)>();

        for (var i = 0; i < TicketsPerCitizen; i++)
        {
            var request = NewTicket();
            var first = Pick();
            Ticket ticket;
            if (i % 3 == 0)
            {
                // The same request_id at both replicas at the same moment: one ticket, both answer it.
                var both = await Task.WhenAll(SubmitAsync(first, request, citizen), SubmitAsync(Other(first), request, citizen));
                both[1].TicketId.Should().Be(both[0].TicketId);
                ticket = both[0];
            }
            else
            {
                ticket = await SubmitAsync(first, request, citizen);
                var retried = await SubmitAsync(Other(first), request, citizen);
                retried.TicketId.Should().Be(ticket.TicketId, "a submit retried on the other replica returns the first ticket");
                retried.ReferenceNumber.Should().Be(ticket.ReferenceNumber);
            }

            tickets.Add((ticket.TicketId, ticket.ReferenceNumber));
            var body = $"Follow-up {Guid.NewGuid():N}";
            await Call(Pick(), r => r.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = body }, citizen.Session).ResponseAsync);
            _acknowledgedMessages.Add((ticket.TicketId, body));
        }

        // A refresh token spent on one replica is refused on the other (and, as reuse, ends that session).
        var spentOn = Pick();
        var refreshed = await Call(spentOn, r => r.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken }).ResponseAsync);
        refreshed.AccessToken.Should().NotBeEmpty();
        var replay = async () => await Call(Other(spentOn), r => r.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken }).ResponseAsync);
        var refused = (await replay.Should().ThrowAsync<RpcException>()).Which;
        refused.StatusCode.Should().Be(StatusCode.Unauthenticated);
        refused.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason.Should().Be("TOKEN_INVALID");

        // The replayed token ended that session; the tickets are read back later under the new one.
        var signedInAgain = await SignInOnAsync(Pick(), Pick(), citizen.Username, Password, citizen.Mobile);
        foreach (var (ticketId, reference) in tickets)
        {
            _acknowledgedTickets.Add((ticketId, reference, signedInAgain.Session));
        }

        return signedInAgain;
    }

    /// <summary>
    /// Two registrations of one identity, started on different replicas, completed at the same moment on
    /// the replica that did not start each: exactly one account, the other answer ACCOUNT_EXISTS.
    /// </summary>
    private async Task<Person> RegisterRacingAsync()
    {
        var identity = NextIdentity();
        var (a, b) = (_replicas[0], _replicas[1]);
        var viaA = await StartRegistrationAsync(a, identity);
        var viaB = await StartRegistrationAsync(b, identity);
        var usernames = new[] { $"ra{identity.NationalId}", $"rb{identity.NationalId}" };
        var terms = await Call(Pick(), r => r.Identity.GetTermsAsync(new GetTermsRequest()).ResponseAsync);
        var outcomes = await Task.WhenAll(
            TryCompleteAsync(b, viaA, usernames[0], terms.Version),
            TryCompleteAsync(a, viaB, usernames[1], terms.Version));

        outcomes.Count(o => o.Account is not null).Should().Be(1, "one identity, one account, whichever replica completes first");
        var loser = outcomes.Single(o => o.Account is null).Error!;
        loser.StatusCode.Should().Be(StatusCode.AlreadyExists);
        loser.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason.Should().Be("ACCOUNT_EXISTS");
        var winner = Array.FindIndex(outcomes, o => o.Account is not null);
        _acknowledgedAccounts.Add(outcomes[winner].Account!.AccountId);

        return await SignInOnAsync(Pick(), Pick(), usernames[winner], Password, identity.MobileNumber);
    }

    private async Task WriteTicketsAsync(Person citizen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var request = NewTicket();
            var ticket = await WhileAliveAsync(replica => SubmitAsync(replica, request, citizen));
            if (ticket is null)
            {
                continue;
            }

            _acknowledgedTickets.Add((ticket.TicketId, ticket.ReferenceNumber, citizen.Session));
            CountWrite();
            var body = $"Follow-up {Guid.NewGuid():N}";
            var added = await WhileAliveAsync(replica =>
                Call(replica, r => r.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = body }, citizen.Session).ResponseAsync));
            if (added is not null)
            {
                _acknowledgedMessages.Add((ticket.TicketId, body));
                CountWrite();
            }
        }
    }

    /// <summary>New citizens during the kill: each registration and sign-in queues an SMS that must arrive once.</summary>
    private async Task RegisterAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && _nextIdentity < _identities.Count)
        {
            var replica = Pick();
            var citizen = await WhileAliveAsync(_ => RegisterOnAsync(replica), replica);
            if (citizen is not null)
            {
                CountWrite();
            }
        }
    }

    /// <summary>
    /// Runs a call on a random live replica. A call cut by the kill of its replica is not acknowledged and
    /// returns null; any failure on a live replica fails the test.
    /// </summary>
    private async Task<T?> WhileAliveAsync<T>(Func<Replica, Task<T>> call, Replica? on = null)
        where T : class
    {
        var replica = on ?? Pick();
        try
        {
            return await call(replica);
        }
        catch (Exception exception) when (replica == _replicas[0] && _killed && exception is RpcException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    private void CountWrite()
    {
        if (_killed)
        {
            if (Interlocked.Increment(ref _writesAfterKill) == WritesAfterKill)
            {
                _enoughAfterKill.TrySetResult();
            }
        }
        else if (Interlocked.Increment(ref _writes) == WritesBeforeKill)
        {
            _enoughWrites.TrySetResult();
        }
    }

    private async Task<Person> RegisterOnAsync(Replica replica)
    {
        var identity = NextIdentity();
        var registrationId = await StartRegistrationAsync(replica, identity);
        var terms = await Call(replica, r => r.Identity.GetTermsAsync(new GetTermsRequest()).ResponseAsync);
        var username = $"rn{identity.NationalId}";
        var (account, error) = await TryCompleteAsync(replica, registrationId, username, terms.Version);
        if (error is not null)
        {
            throw error;
        }

        _acknowledgedAccounts.Add(account!.AccountId);
        return await SignInOnAsync(replica, replica, username, Password, identity.MobileNumber);
    }

    private async Task<(string RegistrationId, string Code)> StartRegistrationAsync(Replica replica, SandboxIdentity identity)
    {
        var captcha = await Call(replica, r => r.Identity.CreateCaptchaAsync(new CreateCaptchaRequest()).ResponseAsync);
        var answer = await replica.Sandbox.GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });
        var before = await SmsCountAsync(replica, identity.MobileNumber);
        var started = await Call(replica, r => r.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = "replica@example.sa",
            CaptchaId = captcha.CaptchaId,
            CaptchaAnswer = answer.Answer,
        }).ResponseAsync);
        Interlocked.Increment(ref _codesAcknowledged);
        return (started.RegistrationId, await NextCodeAsync(replica, identity.MobileNumber, before));
    }

    private async Task<(Account? Account, RpcException? Error)> TryCompleteAsync(
        Replica replica, (string RegistrationId, string Code) registration, string username, string termsVersion)
    {
        try
        {
            var completed = await Call(replica, r => r.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
            {
                RegistrationId = registration.RegistrationId,
                Otp = registration.Code,
                Username = username,
                Password = Password,
                AcceptTerms = true,
                TermsVersion = termsVersion,
            }).ResponseAsync);
            return (completed.Account, null);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
        {
            return (null, exception);
        }
    }

    /// <summary>Password on one replica, the code on another: the challenge lives in the shared database.</summary>
    private async Task<Person> SignInOnAsync(Replica login, Replica verify, string username, string password, string mobile)
    {
        var before = await SmsCountAsync(login, mobile);
        var challenge = await Call(login, r => r.Identity.LoginAsync(new LoginRequest { Login = username, Password = password }).ResponseAsync);
        Interlocked.Increment(ref _codesAcknowledged);
        var code = await NextCodeAsync(login, mobile, before);
        var session = await Call(verify, r => r.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code }).ResponseAsync);
        return new Person(username, mobile, Harness.Bearer(session.AccessToken), session.RefreshToken);
    }

    private async Task<Ticket> SubmitAsync(Replica replica, SubmitTicketRequest request, Person citizen)
    {
        _requestIds.Add(request.RequestId);
        return (await Call(replica, r => r.Tickets.SubmitTicketAsync(request, citizen.Session).ResponseAsync)).Ticket;
    }

    private async Task<T> Call<T>(Replica replica, Func<Replica, Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        replica.CountCall();
        return await call(replica);
    }

    private Replica Pick()
    {
        var live = _killed ? _replicas.Skip(1).ToList() : _replicas;
        return live[Random.Shared.Next(live.Count)];
    }

    private Replica Other(Replica replica) => _replicas.First(r => r != replica);

    private SandboxIdentity NextIdentity()
    {
        var index = Interlocked.Increment(ref _nextIdentity) - 1;
        return index < _identities.Count
            ? _identities[index]
            : throw new InvalidOperationException($"The sample registry has only {_identities.Count} unregistered citizens.");
    }

    private static SubmitTicketRequest NewTicket() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Type = TicketType.Inquiry,
        CategoryId = CategoryId,
        Subject = "Two replicas",
        Description = "Sent to whichever replica the dice chose.",
    };

    private static async Task<int> SmsCountAsync(Replica replica, string mobile) =>
        (await replica.Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 1000 })).Messages.Count;

    /// <summary>The code of the newest SMS once more than <paramref name="before"/> have reached the mobile (the outbox sends it).</summary>
    private static async Task<string> NextCodeAsync(Replica replica, string mobile, int before)
    {
        // Enough looks (about a minute) for a message leased by a killed replica to be taken again by the
        // other; the replicas are other processes, so their outbox is looked at, never driven from here.
        for (var look = 0; look < 1200; look++)
        {
            var messages = await replica.Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 100 });
            if (messages.Messages.Count > before)
            {
                return SixDigits().Match(messages.Messages[0].Body).Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No code reached {mobile}.");
    }

    private static async Task AllSmsSentAsync(TestDatabase database)
    {
        var looks = (int)(DeliveryLimit / TimeSpan.FromMilliseconds(250));
        for (var look = 0; look < looks; look++)
        {
            if (await database.CountAsync("SELECT count(*) FROM sms_outbox WHERE \"SentTime\" IS NULL AND \"AbandonTime\" IS NULL") == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"The surviving replica did not send what the killed one had claimed within {looks} looks.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    private sealed record Person(string Username, string Mobile, Metadata Session, string RefreshToken);

    /// <summary>The public API of one server process.</summary>
    private sealed class Replica(string name, ServerProcess server)
    {
        private int _calls;

        public string Name { get; } = name;

        public int Calls => Volatile.Read(ref _calls);

        public IdentityService.IdentityServiceClient Identity { get; } = new(server.Channel);

        public SandboxService.SandboxServiceClient Sandbox { get; } = new(server.Channel);

        public TicketService.TicketServiceClient Tickets { get; } = new(server.Channel);

        public StaffTicketService.StaffTicketServiceClient Staff { get; } = new(server.Channel);

        public void CountCall() => Interlocked.Increment(ref _calls);
    }
}
