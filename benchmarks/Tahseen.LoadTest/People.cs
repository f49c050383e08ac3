using System.Text.RegularExpressions;
using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;

namespace Tahseen.LoadTest;

/// <summary>A signed-in account: its session header, and the tickets of its own that GetTicket picks from.</summary>
internal sealed class Person(string username, string password, string mobile)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public string Mobile { get; } = mobile;

    public string AccountId { get; set; } = string.Empty;

    public Metadata Session { get; set; } = [];

    public string RefreshToken { get; set; } = string.Empty;

    /// <summary>Ticket ids this citizen owns (a sample of them once the seed is large).</summary>
    public List<string> TicketIds { get; } = [];

    /// <summary>How many tickets the citizen has from the API and the bulk seed (those of the measured submits aside).</summary>
    public long TicketCount { get; set; }

    public void SignedIn(string accessToken, string refreshToken)
    {
        Session = new Metadata { { "authorization", $"Bearer {accessToken}" } };
        RefreshToken = refreshToken;
    }
}

/// <summary>
/// Registration and sign-in through the public API, as a client does in the sandbox: captcha answers and
/// the SMS codes come from SandboxService (the sandbox SMS sender keeps every message the outbox sent).
/// </summary>
internal static partial class People
{
    public const string CitizenPassword = "Loadtest2026pass";

    private static long _signIns;
    private static long _loginTicks;
    private static long _codeTicks;
    private static long _verifyTicks;

    /// <summary>Where the sign-ins since the last call went, on average: Login, waiting for the SMS code, VerifyLogin.</summary>
    public static string SignInBreakdown()
    {
        var count = Interlocked.Exchange(ref _signIns, 0);
        double Mean(ref long ticks) => Interlocked.Exchange(ref ticks, 0) * 1000.0 / System.Diagnostics.Stopwatch.Frequency / Math.Max(count, 1);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{count} sign-ins, mean: Login {Mean(ref _loginTicks):0.0} ms, the SMS code's arrival (outbox, polled through SandboxService) {Mean(ref _codeTicks):0.0} ms, VerifyLogin {Mean(ref _verifyTicks):0.0} ms");
    }

    public static async Task<List<Person>> RegisterCitizensAsync(Connections api, int count)
    {
        var sandbox = api.Sandbox[0];
        var identities = (await sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
            .Where(i => i.Eligible && !i.Registered && i.PersonKind == PersonKind.Citizen)
            .Take(count)
            .ToList();
        if (identities.Count < count)
        {
            throw new InvalidOperationException($"The sandbox registry has {identities.Count} unregistered citizens; {count} were asked for.");
        }

        var terms = (await api.Identity[0].GetTermsAsync(new GetTermsRequest())).Version;
        var people = new Person[identities.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, identities.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            people[i] = await RegisterAsync(api, i, identities[i], terms);
        });
        return [.. people];
    }

    /// <summary>A seeded staff account (ListSandboxAccounts), signed in.</summary>
    public static async Task<Person> SignInStaffAsync(Connections api)
    {
        var staff = (await api.Sandbox[0].ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts
            .First(a => a.Roles.Contains(Role.Staff) && !a.Roles.Contains(Role.Admin));
        var person = new Person(staff.Username, staff.Password, staff.MobileNumber);
        await SignInAsync(api, 0, person);
        return person;
    }

    /// <summary>Login, the code from the newest SMS to the account's mobile, VerifyLogin: a new session.</summary>
    public static async Task SignInAsync(Connections api, int connection, Person person, CancellationToken cancellationToken = default)
    {
        var slot = connection % api.Identity.Count;
        var before = await NewestSmsAsync(api, slot, person.Mobile, cancellationToken);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var challenge = await api.Identity[slot].LoginAsync(new LoginRequest { Login = person.Username, Password = person.Password }, cancellationToken: cancellationToken);
        var challenged = System.Diagnostics.Stopwatch.GetTimestamp();
        var code = await NextCodeAsync(api, slot, person.Mobile, before, cancellationToken);
        var coded = System.Diagnostics.Stopwatch.GetTimestamp();
        var session = await api.Identity[slot].VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code }, cancellationToken: cancellationToken);
        var verified = System.Diagnostics.Stopwatch.GetTimestamp();
        person.SignedIn(session.AccessToken, session.RefreshToken);
        Interlocked.Increment(ref _signIns);
        Interlocked.Add(ref _loginTicks, challenged - start);
        Interlocked.Add(ref _codeTicks, coded - challenged);
        Interlocked.Add(ref _verifyTicks, verified - coded);
    }

    /// <summary>A fresh access token from the refresh token (no SMS, no password), after the service restarted.</summary>
    public static async Task RefreshAsync(Connections api, Person person)
    {
        var refreshed = await api.Identity[0].RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = person.RefreshToken });
        person.SignedIn(refreshed.AccessToken, refreshed.RefreshToken);
    }

    private static async Task<Person> RegisterAsync(Connections api, int slot, SandboxIdentity identity, string terms)
    {
        slot %= api.Identity.Count;
        var captcha = await api.Identity[slot].CreateCaptchaAsync(new CreateCaptchaRequest());
        var answer = await api.Sandbox[slot].GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });
        var before = await NewestSmsAsync(api, slot, identity.MobileNumber, default);
        var started = await api.Identity[slot].StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = "loadtest@example.sa",
            CaptchaId = captcha.CaptchaId,
            CaptchaAnswer = answer.Answer,
        });
        var code = await NextCodeAsync(api, slot, identity.MobileNumber, before, default);
        var person = new Person($"load{identity.NationalId}", CitizenPassword, identity.MobileNumber);
        var completed = await api.Identity[slot].CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId,
            Otp = code,
            Username = person.Username,
            Password = person.Password,
            AcceptTerms = true,
            TermsVersion = terms,
        });
        person.AccountId = completed.Account.AccountId;
        await SignInAsync(api, slot, person);
        return person;
    }

    /// <summary>The newest SMS to <paramref name="mobile"/> (its time and text), or null: a later one carries the next code.</summary>
    private static async Task<(Google.Protobuf.WellKnownTypes.Timestamp Time, string Body)?> NewestSmsAsync(
        Connections api, int slot, string mobile, CancellationToken cancellationToken)
    {
        var newest = (await api.Sandbox[slot].ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 1 }, cancellationToken: cancellationToken))
            .Messages.FirstOrDefault();
        return newest is null ? null : (newest.CreateTime, newest.Body);
    }

    /// <summary>Polls SandboxService until an SMS newer than <paramref name="before"/> reaches the mobile (the outbox sends it on commit).</summary>
    private static async Task<string> NextCodeAsync(
        Connections api, int slot, string mobile, (Google.Protobuf.WellKnownTypes.Timestamp Time, string Body)? before, CancellationToken cancellationToken)
    {
        for (var look = 0; look < 5000; look++)
        {
            var newest = await NewestSmsAsync(api, slot, mobile, cancellationToken);
            if (newest is { } message && (before is null || message.Time != before.Value.Time || message.Body != before.Value.Body))
            {
                return SixDigits().Match(message.Body).Value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(look < 20 ? 2 : 10), cancellationToken);
        }

        throw new TimeoutException($"No code reached {mobile}.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
