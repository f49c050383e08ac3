using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// Drives the service the way an integration harness does: only the protos and the sandbox. Reads
/// captcha answers and SMS codes back through SandboxService, registers citizens, signs people in.
/// </summary>
public sealed partial class Harness(TahseenApiFactory factory)
{
    public const string CitizenPassword = "Harness2026pass";

    private static int _nextIdentity;
    private readonly GrpcChannel _channel = factory.CreateChannel();

    public IdentityService.IdentityServiceClient Identity => new(_channel);

    public SandboxService.SandboxServiceClient Sandbox => new(_channel);

    public TicketService.TicketServiceClient Tickets => new(_channel);

    public StaffTicketService.StaffTicketServiceClient Staff => new(_channel);

    public AdminService.AdminServiceClient Admin => new(_channel);

    public TahseenApiFactory Factory => factory;

    public static Metadata Bearer(string accessToken, string? language = null)
    {
        var headers = new Metadata { { "authorization", $"Bearer {accessToken}" } };
        if (language is not null)
        {
            headers.Add("accept-language", language);
        }

        return headers;
    }

    /// <summary>A fresh captcha and its answer, as a person reading the image would type it.</summary>
    public async Task<(string CaptchaId, string Answer)> SolvedCaptchaAsync()
    {
        var captcha = await Identity.CreateCaptchaAsync(new CreateCaptchaRequest());
        var answer = await Sandbox.GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });
        return (captcha.CaptchaId, answer.Answer);
    }

    /// <summary>The code of the newest SMS to a mobile that is newer than <paramref name="after"/> messages.</summary>
    public async Task<string> NextCodeAsync(string mobile, int after)
    {
        var body = await NextSmsAsync(mobile, after);
        return SixDigits().Match(body).Value;
    }

    /// <summary>Delivers the outbox, then reads the newest SMS to a mobile; fails at once if none came after <paramref name="after"/>.</summary>
    public async Task<string> NextSmsAsync(string mobile, int after)
    {
        await DeliverSmsAsync();
        var messages = await Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 100 });
        return messages.Messages.Count > after
            ? messages.Messages[0].Body
            : throw new InvalidOperationException($"No SMS #{after + 1} was sent to {mobile}.");
    }

    /// <summary>How many SMS a mobile has received, once everything queued so far has been delivered.</summary>
    public async Task<int> SmsCountAsync(string mobile)
    {
        await DeliverSmsAsync();
        return (await Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 1000 })).Messages.Count;
    }

    /// <summary>
    /// Runs the domain-event outbox and the SMS outbox as their workers would (the test host does not run
    /// the SMS worker), until nothing due is left: a test reads the inbox only after the send it expects has been attempted.
    /// </summary>
    public async Task DeliverSmsAsync()
    {
        // Domain events first: their consumers queue the SMS a ticket change sends.
        var events = factory.Services.GetRequiredService<OutboxDispatcher>();
        var dispatcher = factory.Services.GetRequiredService<SmsOutboxDispatcher>();
        int handled;
        do
        {
            handled = await events.DispatchPendingAsync(CancellationToken.None) + await dispatcher.DispatchDueAsync(CancellationToken.None);
        }
        while (handled > 0);
    }

    /// <summary>An eligible identity from the sample registry that no test has used yet.</summary>
    public async Task<SandboxIdentity> UnusedIdentityAsync(PersonKind kind = PersonKind.Citizen)
    {
        var identities = (await Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
            .Where(i => i.Eligible && !i.Registered && i.PersonKind == kind)
            .ToList();
        return identities[Interlocked.Increment(ref _nextIdentity) % identities.Count];
    }

    public async Task<StartRegistrationResponse> StartRegistrationAsync(SandboxIdentity identity)
    {
        var (captchaId, answer) = await SolvedCaptchaAsync();
        return await Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = "person@example.sa",
            CaptchaId = captchaId,
            CaptchaAnswer = answer,
        });
    }

    /// <summary>Registers a citizen end to end and returns the account with the username used.</summary>
    public async Task<(Account Account, SandboxIdentity Identity, string Username)> RegisterCitizenAsync(PersonKind kind = PersonKind.Citizen)
    {
        var identity = await UnusedIdentityAsync(kind);
        var before = await SmsCountAsync(identity.MobileNumber);
        var started = await StartRegistrationAsync(identity);
        var code = await NextCodeAsync(identity.MobileNumber, before);
        var terms = await Identity.GetTermsAsync(new GetTermsRequest());
        var username = "citizen" + identity.NationalId;
        var completed = await Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId,
            Otp = code,
            Username = username,
            Password = CitizenPassword,
            AcceptTerms = true,
            TermsVersion = terms.Version,
        });
        return (completed.Account, identity, username);
    }

    /// <summary>Password, then the SMS code: a full sign-in.</summary>
    public async Task<VerifyLoginResponse> SignInAsync(string login, string password, string mobile)
    {
        var before = await SmsCountAsync(mobile);
        var challenge = await Identity.LoginAsync(new LoginRequest { Login = login, Password = password });
        var code = await NextCodeAsync(mobile, before);
        return await Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code });
    }

    public async Task<(VerifyLoginResponse Session, Account Account, SandboxIdentity Identity)> SignedInCitizenAsync(PersonKind kind = PersonKind.Citizen)
    {
        var (account, identity, username) = await RegisterCitizenAsync(kind);
        return (await SignInAsync(username, CitizenPassword, identity.MobileNumber), account, identity);
    }

    /// <summary>Signs in one of the seeded Civil Affairs accounts with the given role.</summary>
    public async Task<VerifyLoginResponse> SignedInAsync(Role role)
    {
        var accounts = await Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest());
        var account = role == Role.Admin
            ? accounts.Accounts.First(a => a.Roles.Contains(Role.Admin))
            : accounts.Accounts.First(a => a.Roles.Contains(role) && !a.Roles.Contains(Role.Admin));
        return await SignInAsync(account.Username, account.Password, account.MobileNumber);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
