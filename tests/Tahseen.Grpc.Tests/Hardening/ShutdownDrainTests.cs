using Grpc.Core;
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
/// SIGTERM while a unary call is in flight: the call is held at the civil registry (a local HTTP
/// listener the test controls), the service is told to stop and says so, and only then is the registry
/// let go. The held call must finish with its answer, not be cut, and the process exit cleanly.
/// </summary>
public sealed class ShutdownDrainTests : IAsyncLifetime
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
}
