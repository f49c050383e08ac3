using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// The real server as a process on a scratch database (an SQLite file, or PostgreSQL on that run),
/// concurrent writers through the public API and the sandbox, SIGKILL in the middle of the load, a restart
/// on the same database: everything that was acknowledged is there, the database is intact, and every SMS
/// is delivered exactly once.
/// </summary>
public sealed partial class CrashRecoveryTests : IDisposable
{
    private const string Password = "Crash2026test";
    private const int WritesBeforeKill = 24;
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(60);

    private readonly TestDatabase _database = TestDatabase.Create("tahseen-crash");
    private readonly string _signingKey = TestSigningKeys.NewPem();
    private readonly string _hashKey = ServerProcess.NewKey();

    private readonly ConcurrentBag<string> _acknowledgedAccounts = [];
    private readonly ConcurrentBag<(string TicketId, Metadata Owner)> _acknowledgedTickets = [];
    private readonly ConcurrentBag<(string TicketId, string Body)> _acknowledgedMessages = [];
    private readonly TaskCompletionSource _enoughWrites = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    [Fact]
    public async Task Everything_acknowledged_before_a_SIGKILL_survives_and_every_SMS_is_delivered_exactly_once()
    {
        List<Metadata> citizens;
        Metadata staff;
        await using (var server = await ServerProcess.StartAsync(_database, _signingKey, _hashKey))
        {
            var setup = new Api(server);
            staff = await setup.SignedInStaffAsync();
            citizens = [];
            for (var i = 0; i < 3; i++)
            {
                citizens.Add(await setup.RegisteredCitizenAsync(_acknowledgedAccounts));
            }

            using var stop = new CancellationTokenSource(LoadLimit);
            var writers = citizens.Select(citizen => WriteTicketsAsync(new Api(server), citizen, stop.Token))
                .Append(ReplyAsync(new Api(server), staff, stop.Token))
                .Append(RegisterAsync(new Api(server), stop.Token))
                .ToList();

            await Task.WhenAny(_enoughWrites.Task, Task.WhenAll(writers), Task.Delay(Timeout.Infinite, stop.Token));

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        _acknowledgedTickets.Should().NotBeEmpty("the load ran before the kill");
        (await IntegrityCheckAsync()).Should().Be("ok");

        await using (var restarted = await ServerProcess.StartAsync(_database, _signingKey, _hashKey))
        {
            var api = new Api(restarted);
            foreach (var (ticketId, owner) in _acknowledgedTickets)
            {
                var ticket = (await api.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticketId }, owner)).Ticket;
                var bodies = ticket.Messages.Select(m => m.Body).ToHashSet();
                // A ticket whose follow-up was cut off by the kill has no acknowledged message: an empty subset.
                _acknowledgedMessages.Where(m => m.TicketId == ticketId).Select(m => m.Body).Should().BeSubsetOf(bodies);
            }

            foreach (var accountId in _acknowledgedAccounts)
            {
                (await _database.CountAsync("SELECT count(*) FROM accounts WHERE upper(CAST(\"Id\" AS TEXT)) = upper(@id)", ("id", accountId))).Should().Be(1L);
            }

            await AllSmsSentAsync(TimeSpan.FromSeconds(90));
        }

        (await _database.CountAsync("SELECT count(*) FROM sms_outbox")).Should().BeGreaterThan(0L);
        (await _database.CountAsync("SELECT count(*) FROM sandbox_sms_messages m LEFT JOIN sms_outbox o ON upper(CAST(o.\"Id\" AS TEXT)) = upper(CAST(m.\"Reference\" AS TEXT)) WHERE o.\"Id\" IS NULL"))
            .Should().Be(0L, "every delivered SMS comes from the outbox");
        (await _database.CountAsync("SELECT count(*) FROM sms_outbox o WHERE (SELECT count(*) FROM sandbox_sms_messages m WHERE upper(CAST(m.\"Reference\" AS TEXT)) = upper(CAST(o.\"Id\" AS TEXT))) <> 1"))
            .Should().Be(0L, "every outbox message is delivered exactly once");
        (await IntegrityCheckAsync()).Should().Be("ok");
    }

    public void Dispose() => _database.Dispose();

    private async Task WriteTicketsAsync(Api api, Metadata citizen, CancellationToken stop)
    {
        await UntilTheServerDiesAsync(async () =>
        {
            var submitted = (await api.Tickets.SubmitTicketAsync(new SubmitTicketRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Type = TicketType.Inquiry,
                CategoryId = "0b7f3c4e-0001-4a6e-9c1d-5a0000000001",
                Subject = "Crash test",
                Description = "Written while the server may die.",
            }, citizen)).Ticket;
            _acknowledgedTickets.Add((submitted.TicketId, citizen));
            CountWrite();

            var body = $"Follow-up {Guid.NewGuid():N}";
            await api.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = submitted.TicketId, Body = body }, citizen);
            _acknowledgedMessages.Add((submitted.TicketId, body));
            CountWrite();
        }, stop);
    }

    private async Task ReplyAsync(Api api, Metadata staff, CancellationToken stop)
    {
        var replied = new HashSet<string>();
        await UntilTheServerDiesAsync(async () =>
        {
            var next = _acknowledgedTickets.FirstOrDefault(t => !replied.Contains(t.TicketId)).TicketId;
            if (next is null)
            {
                await Task.Delay(5, stop);
                return;
            }

            replied.Add(next);
            var body = $"Reply {Guid.NewGuid():N}";
            await api.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = next, Body = body }, staff);
            _acknowledgedMessages.Add((next, body));
            CountWrite();
        }, stop);
    }

    private async Task RegisterAsync(Api api, CancellationToken stop) =>
        await UntilTheServerDiesAsync(async () =>
        {
            await api.RegisteredCitizenAsync(_acknowledgedAccounts);
            CountWrite();
        }, stop);

    /// <summary>Repeats a write until the load stops or the server is gone; a call cut by the kill is simply not acknowledged.</summary>
    private static async Task UntilTheServerDiesAsync(Func<Task> write, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await write();
            }
            catch (Exception exception) when (exception is RpcException or OperationCanceledException or HttpRequestException or InvalidOperationException)
            {
                return;
            }
        }
    }

    private void CountWrite()
    {
        if (Interlocked.Increment(ref _writes) == WritesBeforeKill)
        {
            _enoughWrites.TrySetResult();
        }
    }

    /// <summary>
    /// The restarted server is another process whose outbox worker cannot be called from here, so its
    /// table is looked at a bounded number of times (a count of looks, not a reading of the clock).
    /// </summary>
    private async Task AllSmsSentAsync(TimeSpan limit)
    {
        var looks = (int)(limit / LookInterval);
        for (var look = 0; look < looks; look++)
        {
            if (await _database.CountAsync("SELECT count(*) FROM sms_outbox WHERE \"SentTime\" IS NULL AND \"AbandonTime\" IS NULL") == 0)
            {
                return;
            }

            await Task.Delay(LookInterval);
        }

        throw new Xunit.Sdk.XunitException($"The restarted server did not send what the crashed one left in the outbox within {looks} looks.");
    }

    private static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// SQLite's own check of the file after the kill. PostgreSQL's files belong to the database server, which the
    /// kill of a client process cannot tear; there the check is that the server still answers.
    /// </summary>
    private async Task<string> IntegrityCheckAsync() =>
        (string)(await _database.ScalarAsync(_database.Provider == TestProvider.Sqlite ? "PRAGMA integrity_check" : "SELECT 'ok'"))!;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    /// <summary>The public API of one server process, driven through the sandbox as a harness would.</summary>
    private sealed class Api(ServerProcess server)
    {
        private static int _nextIdentity;

        public IdentityService.IdentityServiceClient Identity { get; } = new(server.Channel);

        public SandboxService.SandboxServiceClient Sandbox { get; } = new(server.Channel);

        public TicketService.TicketServiceClient Tickets { get; } = new(server.Channel);

        public StaffTicketService.StaffTicketServiceClient Staff { get; } = new(server.Channel);

        public async Task<Metadata> SignedInStaffAsync()
        {
            var account = (await Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts
                .First(a => a.Roles.Contains(Role.Staff) && !a.Roles.Contains(Role.Admin));
            return await SignInAsync(account.Username, account.Password, account.MobileNumber);
        }

        public async Task<Metadata> RegisteredCitizenAsync(ConcurrentBag<string> acknowledged)
        {
            var identities = (await Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
                .Where(i => i.Eligible && !i.Registered && i.PersonKind == PersonKind.Citizen)
                .ToList();
            var identity = identities[Interlocked.Increment(ref _nextIdentity) % identities.Count];
            var captcha = await Identity.CreateCaptchaAsync(new CreateCaptchaRequest());
            var answer = await Sandbox.GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });
            var before = await SmsCountAsync(identity.MobileNumber);
            var started = await Identity.StartRegistrationAsync(new StartRegistrationRequest
            {
                NationalId = identity.NationalId,
                MobileNumber = identity.MobileNumber,
                Email = "crash@example.sa",
                CaptchaId = captcha.CaptchaId,
                CaptchaAnswer = answer.Answer,
            });
            var terms = await Identity.GetTermsAsync(new GetTermsRequest());
            var username = "crash" + identity.NationalId;
            var account = (await Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
            {
                RegistrationId = started.RegistrationId,
                Otp = await NextCodeAsync(identity.MobileNumber, before),
                Username = username,
                Password = Password,
                AcceptTerms = true,
                TermsVersion = terms.Version,
            })).Account;
            acknowledged.Add(account.AccountId);
            return await SignInAsync(username, Password, identity.MobileNumber);
        }

        private async Task<Metadata> SignInAsync(string login, string password, string mobile)
        {
            var before = await SmsCountAsync(mobile);
            var challenge = await Identity.LoginAsync(new LoginRequest { Login = login, Password = password });
            var session = await Identity.VerifyLoginAsync(new VerifyLoginRequest
            {
                ChallengeId = challenge.ChallengeId,
                Otp = await NextCodeAsync(mobile, before),
            });
            return Harness.Bearer(session.AccessToken);
        }

        private async Task<int> SmsCountAsync(string mobile) =>
            (await Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 1000 })).Messages.Count;

        private async Task<string> NextCodeAsync(string mobile, int before)
        {
            for (var attempt = 0; attempt < 300; attempt++)
            {
                var messages = await Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 100 });
                if (messages.Messages.Count > before)
                {
                    return SixDigits().Match(messages.Messages[0].Body).Value;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"No code reached {mobile}.");
        }
    }
}
