using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Integration;

/// <summary>
/// Internal systems through the real gRPC API: an admin makes a service account, the system trades its
/// secret for a short-lived token and follows the change feed, resuming from its last cursor.
/// </summary>
public sealed class ServiceAccountTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TicketKit _kit = new(factory);

    private IntegrationService.IntegrationServiceClient Integration => new(factory.CreateChannel());

    [Fact]
    public async Task A_service_account_resumes_the_feed_from_its_last_cursor_and_gets_exactly_what_it_missed()
    {
        var (clientId, secret) = await CreateAccountAsync("tickets.events");
        var token = await TokenAsync(clientId, secret);
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var first = await _kit.SubmitAsync(citizen);
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = first.TicketId }, staff.Options());

        // The last change before the disconnect: once its event has come, everything before it has too.
        var marker = await _kit.SubmitAsync(citizen);

        string lastCursor;
        using (var reading = new CancellationTokenSource(Patience))
        using (var stream = Integration.StreamTicketEvents(new StreamTicketEventsRequest { AfterCursor = "0" }, Harness.Bearer(token), cancellationToken: reading.Token))
        {
            var seen = new List<StreamTicketEventsResponse>();
            while (await stream.ResponseStream.MoveNext(reading.Token))
            {
                seen.Add(stream.ResponseStream.Current);
                if (seen[^1].Ticket.TicketId == marker.TicketId && seen[^1].EventType == TicketEventType.Submitted)
                {
                    break;
                }
            }

            seen.Should().Contain(e => e.Ticket.TicketId == first.TicketId && e.EventType == TicketEventType.Assigned);
            seen.Select(e => long.Parse(e.Cursor, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            lastCursor = seen[^1].Cursor;
        }

        var second = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = first.TicketId, Body = "We are on it." }, staff.Options());
        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = first.TicketId, Body = "Staff only." }, staff.Options());
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = second.TicketId }, citizen.Options());

        using var resumed = new CancellationTokenSource(Patience);
        using var again = Integration.StreamTicketEvents(
            new StreamTicketEventsRequest { AfterCursor = lastCursor }, Harness.Bearer(token), cancellationToken: resumed.Token);
        var missed = new List<StreamTicketEventsResponse>();
        for (var i = 0; i < 3; i++)
        {
            (await again.ResponseStream.MoveNext(resumed.Token)).Should().BeTrue();
            missed.Add(again.ResponseStream.Current);
        }

        missed.Select(e => (e.Ticket.TicketId, e.EventType)).Should().Equal(
            (second.TicketId, TicketEventType.Submitted),
            (first.TicketId, TicketEventType.MessageAdded),
            (second.TicketId, TicketEventType.StatusChanged));
        missed.Select(e => long.Parse(e.Cursor, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder().And.OnlyContain(c => c > long.Parse(lastCursor, System.Globalization.CultureInfo.InvariantCulture));
        missed[^1].Ticket.Status.Should().Be(TicketStatus.Withdrawn);

        // Nothing comes twice and nothing else was pending: the next event is the next change, live.
        var third = await _kit.SubmitAsync(citizen);
        (await again.ResponseStream.MoveNext(resumed.Token)).Should().BeTrue();
        again.ResponseStream.Current.Ticket.TicketId.Should().Be(third.TicketId);
        again.ResponseStream.Current.EventType.Should().Be(TicketEventType.Submitted);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_the_token_carries_the_integration_role_and_the_granted_scopes()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var created = await _kit.Admin.CreateServiceAccountAsync(
            new CreateServiceAccountRequest { Name = "Reporting", Scopes = { "tickets.read", "tickets.events", "tickets.read" } }, admin.Options());

        created.ServiceAccount.ClientId.Should().StartWith("svc_");
        created.ServiceAccount.Scopes.Should().Equal("tickets.events", "tickets.read");
        created.ServiceAccount.Status.Should().Be(AccountStatus.Active);
        created.ClientSecret.Length.Should().BeGreaterThanOrEqualTo(43, "256 random bits");

        var response = await _kit.Identity.CreateServiceTokenAsync(
            new CreateServiceTokenRequest { ClientId = created.ServiceAccount.ClientId, ClientSecret = created.ClientSecret });
        response.AccessTokenExpireTime.ToDateTimeOffset().Should().Be(factory.Clock.GetUtcNow().AddMinutes(10));
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(response.AccessToken);
        claims.GetClaim("role").Value.Should().Be("INTEGRATION");
        claims.GetClaim("scope").Value.Should().Be("tickets.events tickets.read");
        claims.GetClaim("client_id").Value.Should().Be(created.ServiceAccount.ClientId);

        var ticket = await _kit.SubmitAsync(await _kit.CitizenAsync());
        var read = await Integration.GetTicketByReferenceAsync(
            new GetTicketByReferenceRequest { ReferenceNumber = ticket.ReferenceNumber }, Harness.Bearer(response.AccessToken));
        read.Ticket.TicketId.Should().Be(ticket.TicketId);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await Integration.GetTicketByReferenceAsync(
            new GetTicketByReferenceRequest { ReferenceNumber = ticket.ReferenceNumber }, Harness.Bearer(response.AccessToken)).FailsWith(StatusCode.Unauthenticated);
        expired.Reason.Should().Be("TOKEN_EXPIRED");
    }

    [Fact]
    public async Task An_unknown_client_a_wrong_secret_and_a_disabled_account_get_the_same_answer()
    {
        var (clientId, secret) = await CreateAccountAsync("tickets.read");
        var admin = await _kit.DeskAsync(Role.Admin);

        var wrongSecret = await RefusalAsync(clientId, secret[..^2] + "xx");
        var unknown = await RefusalAsync("svc_000000000000000000000000", secret);
        await _kit.Admin.SetServiceAccountStatusAsync(
            new SetServiceAccountStatusRequest { ClientId = clientId, Status = AccountStatus.Disabled, Reason = "decommissioned" }, admin.Options());
        var disabled = await RefusalAsync(clientId, secret);

        foreach (var error in new[] { wrongSecret, unknown, disabled })
        {
            error.Code.Should().Be(StatusCode.Unauthenticated);
            error.Reason.Should().Be("INVALID_CLIENT");
            error.Localized!.Message.Should().Be(wrongSecret.Localized!.Message);
        }
    }

    [Fact]
    public async Task Rotating_the_secret_stops_the_old_secret_and_its_tokens_at_once()
    {
        var (clientId, oldSecret) = await CreateAccountAsync("tickets.read");
        var oldToken = await TokenAsync(clientId, oldSecret);
        var admin = await _kit.DeskAsync(Role.Admin);

        var rotated = await _kit.Admin.RotateServiceAccountSecretAsync(new RotateServiceAccountSecretRequest { ClientId = clientId }, admin.Options());

        rotated.ClientSecret.Should().NotBe(oldSecret);
        (await RefusalAsync(clientId, oldSecret)).Reason.Should().Be("INVALID_CLIENT");
        (await ReadFailsAsync(oldToken)).Reason.Should().Be("TOKEN_INVALID");
        var newToken = await TokenAsync(clientId, rotated.ClientSecret);
        (await ReadAsync(newToken)).Should().Be(StatusCode.NotFound, "the call is authorised; the reference just does not exist");

        var missing = await _kit.Admin.RotateServiceAccountSecretAsync(new RotateServiceAccountSecretRequest { ClientId = "svc_nobody" }, admin.Options())
            .FailsWith(StatusCode.NotFound);
        missing.Reason.Should().Be("SERVICE_ACCOUNT_NOT_FOUND");
    }

    [Fact]
    public async Task Disabling_ends_its_tokens_and_open_streams_at_once_and_activating_needs_a_new_token()
    {
        var (clientId, secret) = await CreateAccountAsync("tickets.events", "tickets.read");
        var token = await TokenAsync(clientId, secret);
        var admin = await _kit.DeskAsync(Role.Admin);
        await _kit.SubmitAsync(await _kit.CitizenAsync());
        using var open = new CancellationTokenSource(Patience);
        using var stream = Integration.StreamTicketEvents(new StreamTicketEventsRequest { AfterCursor = "0" }, Harness.Bearer(token), cancellationToken: open.Token);
        (await stream.ResponseStream.MoveNext(open.Token)).Should().BeTrue("the stream is open once an event has come");

        await _kit.Admin.SetServiceAccountStatusAsync(
            new SetServiceAccountStatusRequest { ClientId = clientId, Status = AccountStatus.Disabled }, admin.Options());

        var ended = await DrainAsync(stream.ResponseStream, open.Token).FailsWith(StatusCode.Unauthenticated);
        ended.Reason.Should().Be("TOKEN_INVALID");
        (await ReadFailsAsync(token)).Reason.Should().Be("TOKEN_INVALID");

        var activated = await _kit.Admin.SetServiceAccountStatusAsync(
            new SetServiceAccountStatusRequest { ClientId = clientId, Status = AccountStatus.Active }, admin.Options());
        activated.ServiceAccount.Status.Should().Be(AccountStatus.Active);
        (await ReadFailsAsync(token)).Reason.Should().Be("TOKEN_INVALID", "a token of before the disabling stays dead");
        (await ReadAsync(await TokenAsync(clientId, secret))).Should().Be(StatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_refused_with_INSUFFICIENT_SCOPE()
    {
        var (clientId, secret) = await CreateAccountAsync("tickets.read");
        var token = await TokenAsync(clientId, secret);

        using var open = new CancellationTokenSource(Patience);
        using var stream = Integration.StreamTicketEvents(new StreamTicketEventsRequest { AfterCursor = "0" }, Harness.Bearer(token), cancellationToken: open.Token);
        var error = await DrainAsync(stream.ResponseStream, open.Token).FailsWith(StatusCode.PermissionDenied);

        error.Reason.Should().Be("INSUFFICIENT_SCOPE");
    }

    [Theory]
    [InlineData(new string[0], "FIELD_REQUIRED")]
    [InlineData(new[] { "tickets.write" }, "FIELD_INVALID")]
    public async Task Only_known_scopes_are_granted(string[] scopes, string reason)
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        var error = await _kit.Admin.CreateServiceAccountAsync(new CreateServiceAccountRequest { Name = "Desk", Scopes = { scopes } }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.ViolationReasons.Should().Contain(reason);
    }

    [Fact]
    public async Task Creating_rotating_and_token_requests_are_in_the_audit_chain()
    {
        var (clientId, secret) = await CreateAccountAsync("tickets.read");
        await TokenAsync(clientId, secret);
        await RefusalAsync(clientId, "not-the-secret");
        var admin = await _kit.DeskAsync(Role.Admin);
        await _kit.Admin.RotateServiceAccountSecretAsync(new RotateServiceAccountSecretRequest { ClientId = clientId }, admin.Options());

        var events = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 100 }, admin.Options());

        events.Events.Select(e => e.Action).Should().Contain(
        [
            "SECURITY_SERVICE_ACCOUNT_CREATED", "SECURITY_SERVICE_TOKEN_ISSUED", "SECURITY_SERVICE_TOKEN_REFUSED",
            "SECURITY_SERVICE_ACCOUNT_SECRET_ROTATED",
        ]);
        (await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options())).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Token_requests_are_throttled_per_client_id_with_RATE_LIMITED_never_a_captcha()
    {
        using var limited = new TahseenApiFactory { Configure = builder => builder.UseSetting("RateLimits:ServiceTokenPerClientPerMinute", "5") };
        var kit = new TicketKit(limited);
        var admin = await kit.DeskAsync(Role.Admin);
        var created = await kit.Admin.CreateServiceAccountAsync(
            new CreateServiceAccountRequest { Name = "Portal", Scopes = { "tickets.read" } }, admin.Options());
        var identity = new IdentityService.IdentityServiceClient(limited.CreateChannel());

        var outcomes = await Overlapping.RunAsync(20, _ => identity.CreateServiceTokenAsync(
            new CreateServiceTokenRequest { ClientId = created.ServiceAccount.ClientId, ClientSecret = "a-guess" }).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["INVALID_CLIENT"] = 5, ["RATE_LIMITED"] = 15 });
        var error = await identity.CreateServiceTokenAsync(
            new CreateServiceTokenRequest { ClientId = created.ServiceAccount.ClientId, ClientSecret = created.ClientSecret })
            .FailsWith(StatusCode.ResourceExhausted);
        error.Status!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan().Should().BePositive();

        // Another client is not held back by this one's guesser.
        var other = await kit.Admin.CreateServiceAccountAsync(new CreateServiceAccountRequest { Name = "Desk", Scopes = { "tickets.read" } }, admin.Options());
        await identity.CreateServiceTokenAsync(new CreateServiceTokenRequest { ClientId = other.ServiceAccount.ClientId, ClientSecret = other.ClientSecret });

        limited.Clock.Advance(error.Status!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan());
        await identity.CreateServiceTokenAsync(new CreateServiceTokenRequest { ClientId = created.ServiceAccount.ClientId, ClientSecret = created.ClientSecret });
    }

    /// <summary>Reads what was sent before the stream ended; the ending is the answer.</summary>
    private static async Task DrainAsync(IAsyncStreamReader<StreamTicketEventsResponse> stream, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
        }
    }

    private async Task<(string ClientId, string Secret)> CreateAccountAsync(params string[] scopes)
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var created = await _kit.Admin.CreateServiceAccountAsync(
            new CreateServiceAccountRequest { Name = "Case-work desk", Scopes = { scopes } }, admin.Options());
        return (created.ServiceAccount.ClientId, created.ClientSecret);
    }

    private async Task<string> TokenAsync(string clientId, string secret) =>
        (await _kit.Identity.CreateServiceTokenAsync(new CreateServiceTokenRequest { ClientId = clientId, ClientSecret = secret })).AccessToken;

    private Task<GrpcError> RefusalAsync(string clientId, string secret) =>
        _kit.Identity.CreateServiceTokenAsync(new CreateServiceTokenRequest { ClientId = clientId, ClientSecret = secret })
            .FailsWith(StatusCode.Unauthenticated);

    private Task<GrpcError> ReadFailsAsync(string token) =>
        Integration.GetTicketByReferenceAsync(new GetTicketByReferenceRequest { ReferenceNumber = "TSN-0000-000000" }, Harness.Bearer(token))
            .FailsWith(StatusCode.Unauthenticated);

    private async Task<StatusCode> ReadAsync(string token)
    {
        try
        {
            await Integration.GetTicketByReferenceAsync(new GetTicketByReferenceRequest { ReferenceNumber = "TSN-0000-000000" }, Harness.Bearer(token));
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
