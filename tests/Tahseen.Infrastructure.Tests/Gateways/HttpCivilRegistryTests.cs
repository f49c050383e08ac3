using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.Tests.Gateways;

/// <summary>The HTTP civil registry fails closed: whatever goes wrong, the answer is UNAVAILABLE, never "no such person".</summary>
public sealed class HttpCivilRegistryTests : IAsyncLifetime
{
    private const string Person = """
        {"nationalId":"1000000008","fullNameAr":"محمد القحطاني","fullNameEn":"Mohammed Alqahtani","mobileNumber":"0500000001","status":"ACTIVE"}
        """;

    private static readonly NationalId Identity = NationalId.Parse("1000000008");

    private LocalHttpListener _registry = null!;
    private ServiceProvider _services = null!;

    private ICivilRegistry Registry => _services.CreateScope().ServiceProvider.GetRequiredService<ICivilRegistry>();

    public async Task InitializeAsync()
    {
        _registry = await LocalHttpListener.StartAsync();
        _services = Services(timeout: "00:00:30");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_person_is_read_with_the_key_and_the_mobile_normalised()
    {
        _registry.ThenJson(Person);

        var record = await Registry.FindAsync(Identity, CancellationToken.None);

        record.Should().Be(new CivilRecord("1000000008", "محمد القحطاني", "Mohammed Alqahtani", "+966500000001", CivilStatus.Active));
        var request = _registry.Requests.Should().ContainSingle().Subject;
        request.Path.Should().Be("/api/persons/1000000008");
        request.Authorization.Should().Be("Bearer registry-key");
    }

    [Fact]
    public async Task An_answer_is_reused_for_a_while()
    {
        _registry.ThenJson(Person);

        await Registry.FindAsync(Identity, CancellationToken.None);
        var again = await Registry.FindAsync(Identity, CancellationToken.None);

        again!.NationalId.Should().Be("1000000008");
        _registry.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Not_found_is_no_such_person()
    {
        _registry.ThenStatus(404);

        (await Registry.FindAsync(Identity, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_passing_5xx_is_retried()
    {
        _registry.ThenStatus(503).ThenJson(Person);

        (await Registry.FindAsync(Identity, CancellationToken.None))!.Status.Should().Be(CivilStatus.Active);
        _registry.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("a registry that keeps failing")]
    [InlineData("garbage instead of JSON")]
    [InlineData("JSON about someone else")]
    [InlineData("an unknown civil status")]
    [InlineData("a person without a mobile")]
    [InlineData("a hung registry")]
    public async Task Every_failure_is_UNAVAILABLE_and_is_not_remembered(string failure)
    {
        _registry.Otherwise = failure switch
        {
            "a registry that keeps failing" => Status(500),
            "garbage instead of JSON" => Body("<html>gateway error</html>"),
            "JSON about someone else" => Body(Person.Replace("1000000008", "1000000016", StringComparison.Ordinal)),
            "an unknown civil status" => Body(Person.Replace("ACTIVE", "ALIVE", StringComparison.Ordinal)),
            "a person without a mobile" => Body(Person.Replace("\"0500000001\"", "null", StringComparison.Ordinal)),
            _ => context => Task.Delay(Timeout.Infinite, context.RequestAborted),
        };
        await using var services = failure == "a hung registry" ? Services(timeout: "00:00:01") : null;
        var registry = services?.CreateScope().ServiceProvider.GetRequiredService<ICivilRegistry>() ?? Registry;

        var error = await FluentActions.Awaiting(() => registry.FindAsync(Identity, CancellationToken.None))
            .Should().ThrowAsync<TahseenException>();
        error.Which.Reason.Should().Be(ErrorReason.CivilRegistryUnavailable);
        error.Which.Reason.Category.Should().Be(ErrorCategory.Unavailable);

        _registry.Otherwise = Body(Person);
        (await Registry.FindAsync(Identity, CancellationToken.None))!.NationalId.Should().Be("1000000008");
    }

    // Generous everywhere except where a hang is the point: a loaded CI machine must not turn a slow connect into a failure.
    private ServiceProvider Services(string timeout) => GatewayServices.Build(
        ("CivilRegistry:Provider", "Http"), ("CivilRegistry:Http:Url", new Uri(_registry.Address, "/api").ToString()),
        ("CivilRegistry:Http:ApiKey", "registry-key"), ("CivilRegistry:Http:Timeout", timeout),
        ("Sms:Provider", "Http"), ("Sms:Http:Url", "http://127.0.0.1:9"), ("Sms:Http:ApiKey", "k"));

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Body(string body) => async context =>
    {
        context.Response.ContentType = "application/json";
        await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, body);
    };
}
