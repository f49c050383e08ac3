using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// SIGTERM to a real server process (Kestrel, its own graceful stop). A unary call in flight is held at
/// the civil registry (a local HTTP listener the test controls), the service is told to stop and says
/// so, and only then is the registry let go: the held call must finish with its answer, not be cut. A
/// WatchTicket stream open at SIGTERM ends at once with UNAVAILABLE and its reason, a status the client
/// can read, not a cut connection. Either way the process exits cleanly.
/// </summary>
public sealed partial class ShutdownDrainTests : IAsyncLifetime
{
    private const string NationalId = "1000000008";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestDatabase _database = TestDatabase.Create("tahseen-drain");
    private readonly TaskCompletionSource _lookUpArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _releaseLookUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _registry = null!;
    private Uri _registryAddress = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the service's appsettings.json, whose Kestrel endpoints would win over UseUrls.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _registry = builder.Build();
        _registry.MapGet("/persons/{nationalId}", async (string nationalId) =>
        {
            _lookUpArrived.TrySetResult();
            await _releaseLookUp.Task;
            return Results.Json(new
            {
                nationalId, fullNameAr = "محمد القحطاني", fullNameEn = "Mohammed Alqahtani", mobileNumber = "0500000001", status = "ACTIVE",
            });
        });
        await _registry.StartAsync();
        _registryAddress = new Uri(_registry.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        _releaseLookUp.TrySetResult();
        await _registry.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_unary_call_in_flight_at_SIGTERM_finishes_with_its_answer_and_the_process_exits_cleanly()
    {
        await using var server = await ServerProcess.StartAsync(_database, TestSigningKeys.NewPem(), ServerProcess.NewKey(), new Dictionary<string, string>
        {
            ["CivilRegistry__Provider"] = "Http",
            ["CivilRegistry__Http__Url"] = _registryAddress.ToString(),
            ["CivilRegistry__Http__ApiKey"] = "drain-test",
            ["CivilRegistry__Http__Timeout"] = "00:01:00",
        });
        var identity = new IdentityService.IdentityServiceClient(server.Channel);
        var captcha = await identity.CreateCaptchaAsync(new CreateCaptchaRequest());
        var answer = await new SandboxService.SandboxServiceClient(server.Channel).GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });

        using var held = identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = NationalId, MobileNumber = "0500000001", Email = "person@example.sa",
            CaptchaId = captcha.CaptchaId, CaptchaAnswer = answer.Answer,
        });
        await Task.WhenAny(_lookUpArrived.Task, held.ResponseAsync).WaitAsync(Patience);
        _lookUpArrived.Task.IsCompleted.Should().BeTrue("the registration waits at the registry; the server said:{0}{1}", Environment.NewLine, server.Output);

        await server.TerminateAsync();
        await server.WaitForOutputAsync("Application is shutting down", Patience);

        held.ResponseAsync.IsCompleted.Should().BeFalse("the call is still held at the registry");
        _releaseLookUp.SetResult();

        var registration = await held.ResponseAsync.WaitAsync(Patience);
        registration.RegistrationId.Should().NotBeNullOrEmpty("the call in flight when the stop began is answered, not cut");
        (await server.WaitForExitAsync(Patience)).Should().Be(0);
    }

    [Fact]
    public async Task A_watch_stream_open_at_SIGTERM_ends_with_unavailable_and_its_reason_and_the_process_exits_cleanly()
    {
        await using var server = await ServerProcess.StartAsync(_database, TestSigningKeys.NewPem(), ServerProcess.NewKey());
        var citizen = await SignedInCitizenAsync(server.Channel);
        var tickets = new TicketService.TicketServiceClient(server.Channel);
        var ticket = (await tickets.SubmitTicketAsync(new SubmitTicketRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Type = TicketType.Inquiry,
            CategoryId = "0b7f3c4e-0001-4a6e-9c1d-5a0000000001",
            Subject = "Open at the stop",
            Description = "Watched while the service is told to stop.",
        }, citizen)).Ticket;
        using var watch = tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen);
        using (var first = new CancellationTokenSource(Patience))
        {
            (await watch.ResponseStream.MoveNext(first.Token)).Should().BeTrue();
            watch.ResponseStream.Current.EventType.Should().Be(TicketEventType.Snapshot);
        }

        await server.TerminateAsync();

        using var timeout = new CancellationTokenSource(Patience);
        var ended = await FluentActions.Awaiting(() => watch.ResponseStream.MoveNext(timeout.Token)).Should().ThrowAsync<RpcException>();
        var error = GrpcError.From(ended.Which);
        (error.Code, error.Reason).Should().Be((StatusCode.Unavailable, "SERVICE_SHUTTING_DOWN"), "the server said:{0}{1}", Environment.NewLine, server.Output);
        (await server.WaitForExitAsync(Patience)).Should().Be(0);
    }

    /// <summary>Registers an unused sample citizen on the process and signs them in; the process's own outbox sends the codes.</summary>
    private static async Task<Metadata> SignedInCitizenAsync(GrpcChannel channel)
    {
        var identityService = new IdentityService.IdentityServiceClient(channel);
        var sandbox = new SandboxService.SandboxServiceClient(channel);
        var identity = (await sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities
            .First(i => i.Eligible && !i.Registered && i.PersonKind == PersonKind.Citizen);
        var captcha = await identityService.CreateCaptchaAsync(new CreateCaptchaRequest());
        var answer = await sandbox.GetCaptchaAnswerAsync(new GetCaptchaAnswerRequest { CaptchaId = captcha.CaptchaId });
        var started = await identityService.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, Email = "person@example.sa",
            CaptchaId = captcha.CaptchaId, CaptchaAnswer = answer.Answer,
        });
        var terms = await identityService.GetTermsAsync(new GetTermsRequest());
        var username = "drain" + identity.NationalId;
        await identityService.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = await CodeAsync(sandbox, identity.MobileNumber, 1),
            Username = username, Password = "Drain2026pass", AcceptTerms = true, TermsVersion = terms.Version,
        });
        var challenge = await identityService.LoginAsync(new LoginRequest { Login = username, Password = "Drain2026pass" });
        var session = await identityService.VerifyLoginAsync(new VerifyLoginRequest
        {
            ChallengeId = challenge.ChallengeId, Otp = await CodeAsync(sandbox, identity.MobileNumber, 2),
        });
        return Harness.Bearer(session.AccessToken);
    }

    /// <summary>The code in the <paramref name="nth"/> SMS to a mobile, once the process's outbox has sent it (bounded looks).</summary>
    private static async Task<string> CodeAsync(SandboxService.SandboxServiceClient sandbox, string mobile, int nth)
    {
        for (var look = 0; look < 600; look++)
        {
            var messages = await sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 100 });
            if (messages.Messages.Count >= nth)
            {
                return SixDigits().Match(messages.Messages[0].Body).Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No SMS #{nth} reached {mobile}.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
