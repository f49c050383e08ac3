using System.Net;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Hosting;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hosting;

public sealed class RateLimitingTests
{
    private static readonly IReadOnlyList<IPNetwork> Portal = [IPNetwork.Parse("10.0.0.0/24")];

    [Fact]
    public async Task Captchas_spend_the_anonymous_budget_and_the_refusal_is_RATE_LIMITED_with_RetryInfo_until_the_minute_turns()
    {
        using var factory = Limited(anonymousPerMinute: 10, accountPerMinute: 0);
        var identity = new IdentityService.IdentityServiceClient(factory.CreateChannel());

        await identity.CreateCaptchaAsync(new CreateCaptchaRequest());
        await identity.CreateCaptchaAsync(new CreateCaptchaRequest());
        var error = await identity.CreateCaptchaAsync(new CreateCaptchaRequest()).FailsWith(StatusCode.ResourceExhausted);

        error.Reason.Should().Be("RATE_LIMITED");
        var retry = error.Status!.GetDetail<RetryInfo>();
        retry.Should().NotBeNull();
        retry.RetryDelay.ToTimeSpan().Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));

        factory.Clock.Advance(retry.RetryDelay.ToTimeSpan());
        await identity.CreateCaptchaAsync(new CreateCaptchaRequest());
    }

    [Fact]
    public async Task Cheap_anonymous_calls_cost_one_unit_each()
    {
        using var factory = Limited(anonymousPerMinute: 3, accountPerMinute: 0);
        var identity = new IdentityService.IdentityServiceClient(factory.CreateChannel());

        for (var i = 0; i < 3; i++)
        {
            await identity.GetTermsAsync(new GetTermsRequest());
        }

        (await identity.GetTermsAsync(new GetTermsRequest()).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("RATE_LIMITED");
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_peer_does_not_buy_a_new_budget()
    {
        using var factory = Limited(anonymousPerMinute: 10, accountPerMinute: 0);
        var identity = new IdentityService.IdentityServiceClient(factory.CreateChannel());
        Metadata From(string address) => new() { { "x-forwarded-for", address } };

        await identity.CreateCaptchaAsync(new CreateCaptchaRequest(), From("198.51.100.1"));
        await identity.CreateCaptchaAsync(new CreateCaptchaRequest(), From("198.51.100.2"));

        (await identity.CreateCaptchaAsync(new CreateCaptchaRequest(), From("198.51.100.3")).FailsWith(StatusCode.ResourceExhausted))
            .Reason.Should().Be("RATE_LIMITED");
    }

    [Fact]
    public async Task Authenticated_calls_spend_the_account_budget_and_one_account_does_not_exhaust_another()
    {
        using var factory = Limited(anonymousPerMinute: 0, accountPerMinute: 4);
        var harness = new Harness(factory);
        var first = await harness.SignedInAsync(Role.Staff);
        var second = await harness.SignedInAsync(Role.Admin);

        for (var i = 0; i < 4; i++)
        {
            await harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(first.AccessToken));
        }

        (await harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(first.AccessToken))
            .FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("RATE_LIMITED");
        await harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(second.AccessToken));
    }

    [Fact]
    public async Task The_sandbox_is_not_priced()
    {
        using var factory = Limited(anonymousPerMinute: 1, accountPerMinute: 1);
        var sandbox = new SandboxService.SandboxServiceClient(factory.CreateChannel());

        for (var i = 0; i < 5; i++)
        {
            await sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest());
        }
    }

    [Theory]
    [InlineData("RateLimits:AnonymousPerMinute", "-1", "*RateLimits:AnonymousPerMinute*")]
    [InlineData("RateLimits:AccountPerMinute", "-5", "*RateLimits:AccountPerMinute*")]
    [InlineData("RateLimits:AnonymousPerMinute", "many", "*RateLimits*")]
    [InlineData("RateLimits:TrustedProxies:0", "portal.local", "*TrustedProxies*portal.local*")]
    public async Task A_bad_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var settings = StartupSettingsTests.ProductionReady("Development");
        settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        lines.Should().ContainSingle().Which.Should().Match("*Start-up refused*" + message.TrimStart('*'));
    }

    [Fact]
    public void An_untrusted_peer_is_the_client_whatever_it_forwards() =>
        ClientAddress.Resolve(IPAddress.Parse("203.0.113.9"), "10.0.0.5, 198.51.100.7", Portal).Should().Be("203.0.113.9");

    [Fact]
    public void Behind_a_trusted_proxy_the_client_is_the_last_untrusted_hop() =>
        ClientAddress.Resolve(IPAddress.Parse("10.0.0.2"), "192.0.2.66, 198.51.100.7, 10.0.0.3", Portal).Should().Be("198.51.100.7");

    [Fact]
    public void Behind_a_trusted_proxy_without_a_forwarded_address_the_proxy_is_the_client() =>
        ClientAddress.Resolve(IPAddress.Parse("10.0.0.2"), null, Portal).Should().Be("10.0.0.2");

    [Fact]
    public void An_IPv4_peer_seen_through_an_IPv6_socket_is_still_trusted() =>
        ClientAddress.Resolve(IPAddress.Parse("10.0.0.2").MapToIPv6(), "198.51.100.7", Portal).Should().Be("198.51.100.7");

    private static TahseenApiFactory Limited(int anonymousPerMinute, int accountPerMinute) =>
        new()
        {
            Configure = builder =>
            {
                builder.UseSetting("RateLimits:AnonymousPerMinute", anonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("RateLimits:AccountPerMinute", accountPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            },
        };
}
