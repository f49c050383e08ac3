using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Infrastructure.Tests.Gateways;

public sealed class HttpSmsSenderTests : IAsyncLifetime
{
    private static readonly Guid Reference1 = Guid.NewGuid();
    private static readonly Guid Reference2 = Guid.NewGuid();
    private static readonly Guid Reference3 = Guid.NewGuid();
    private static readonly Guid Reference4 = Guid.NewGuid();
    private static readonly Guid Reference5 = Guid.NewGuid();

    private LocalHttpListener _gateway = null!;
    private ServiceProvider _services = null!;

    private ISmsSender Sender => _services.GetRequiredService<ISmsSender>();

    public async Task InitializeAsync()
    {
        _gateway = await LocalHttpListener.StartAsync();
        _services = Services(timeout: "00:00:30");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_message_is_posted_as_JSON_with_its_reference_and_the_key()
    {
        _gateway.ThenStatus(202);

        await Sender.SendAsync(Reference1, "+966500000001", "رمز التحقق 123456", CancellationToken.None);

        var request = _gateway.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/messages");
        request.Authorization.Should().Be("Bearer gateway-key");
        request.ContentLength.Should().Be(System.Text.Encoding.UTF8.GetByteCount(request.Body));
        var json = JsonDocument.Parse(request.Body).RootElement;
        json.GetProperty("to").GetString().Should().Be("+966500000001");
        json.GetProperty("body").GetString().Should().Be("رمز التحقق 123456");
        json.GetProperty("reference").GetString().Should().Be(Reference1.ToString());
        json.GetProperty("sender").GetString().Should().Be("CivilAffair");
    }

    [Fact]
    public async Task A_5xx_is_retried_with_the_same_reference_and_then_accepted()
    {
        _gateway.ThenStatus(503).ThenStatus(200);

        await Sender.SendAsync(Reference2, "+966500000001", "body", CancellationToken.None);

        _gateway.Requests.Should().HaveCount(2);
        _gateway.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("reference").GetString())
            .Should().AllBe(Reference2.ToString());
    }

    [Fact]
    public async Task A_gateway_that_keeps_failing_makes_the_send_fail_so_the_outbox_retries_later()
    {
        _gateway.Otherwise = context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };

        await FluentActions.Awaiting(() => Sender.SendAsync(Reference3, "+966500000001", "body", CancellationToken.None))
            .Should().ThrowAsync<HttpRequestException>();
        _gateway.Requests.Should().HaveCount(3, "one attempt and two retries");
    }

    [Fact]
    public async Task A_refusal_that_a_retry_cannot_fix_is_not_retried()
    {
        _gateway.ThenStatus(400);

        await FluentActions.Awaiting(() => Sender.SendAsync(Reference4, "+966500000001", "body", CancellationToken.None))
            .Should().ThrowAsync<HttpRequestException>();
        _gateway.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_hung_gateway_is_given_up_on()
    {
        _gateway.Otherwise = context => Task.Delay(Timeout.Infinite, context.RequestAborted);
        await using var impatient = Services(timeout: "00:00:01");

        await FluentActions.Awaiting(() => impatient.GetRequiredService<ISmsSender>().SendAsync(Reference5, "+966500000001", "body", CancellationToken.None))
            .Should().ThrowAsync<Polly.Timeout.TimeoutRejectedException>();
    }

    // Generous everywhere except where a hang is the point: a loaded CI machine must not turn a slow connect into a failure.
    private ServiceProvider Services(string timeout) => GatewayServices.Build(
        ("Sms:Provider", "Http"), ("Sms:Http:Url", new Uri(_gateway.Address, "/v1/messages").ToString()),
        ("Sms:Http:ApiKey", "gateway-key"), ("Sms:Http:SenderName", "CivilAffair"), ("Sms:Http:Timeout", timeout),
        ("CivilRegistry:Provider", "Http"), ("CivilRegistry:Http:Url", "http://127.0.0.1:9"), ("CivilRegistry:Http:ApiKey", "k"));

    [Fact]
    public void The_product_registers_the_HTTP_sender_for_the_Http_provider()
    {
        Sender.Should().BeOfType<HttpSmsSender>();
    }
}
