using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hosting;

/// <summary>The JSON/HTTP face of the contract, called with plain HTTP requests as a portal back-end would.</summary>
public sealed class JsonHttpTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task A_public_method_answers_JSON_with_the_proto_field_names_in_camel_case()
    {
        using var response = await _http.GetAsync(new Uri("/v1/identity/passwordPolicy", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("rules").EnumerateArray().Should().NotBeEmpty();
        json.GetProperty("rules")[0].GetProperty("descriptionEn").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Bad_input_answers_a_JSON_google_rpc_Status_with_decoded_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/identity:startRegistration")
        {
            Content = JsonContent.Create(new { nationalId = "123", mobileNumber = "abc", email = "x@example.sa", captchaId = "c", captchaAnswer = "a" }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        status.GetProperty("code").GetInt32().Should().Be(3);
        var details = status.GetProperty("details").EnumerateArray().ToList();
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        info.GetProperty("domain").GetString().Should().Be("tahseen.gov.sa");
        info.GetProperty("reason").GetString().Should().Be("NATIONAL_ID_INVALID");
        details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.LocalizedMessage")
            .GetProperty("locale").GetString().Should().Be("en");
        details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString())
            .Should().Contain(["national_id", "mobile_number"]);
    }

    [Fact]
    public async Task An_authenticated_call_takes_the_bearer_token_and_refuses_a_call_without_it()
    {
        var session = await new Harness(factory).SignedInCitizenAsync();

        using var anonymous = await _http.GetAsync(new Uri("/v1/identity/account", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/identity/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Session.AccessToken);
        using var response = await _http.SendAsync(request);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32().Should().Be(16);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("accountId").GetString()
            .Should().Be(session.Account.AccountId);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_200_over_HTTP()
    {
        using var live = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        using var details = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        details.RootElement.GetProperty("status").GetString().Should().Be("Healthy");
        details.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
        details.RootElement.GetProperty("checks").GetProperty("calendar").GetProperty("description").GetString()
            .Should().Be("holidays are known through 2029-12-31", "the seeded holidays run to the end of 1450 AH, in 2029");
    }

    [Theory]
    [InlineData("")]
    [InlineData("liveness")]
    [InlineData("readiness")]
    [InlineData("tahseen.v1.TicketService")]
    public async Task Grpc_health_answers_SERVING_for_the_server_and_each_service(string service)
    {
        var health = new Health.HealthClient(factory.CreateChannel());

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        response.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task Grpc_health_does_not_know_an_unknown_service()
    {
        var health = new Health.HealthClient(factory.CreateChannel());

        await health.CheckAsync(new HealthCheckRequest { Service = "tahseen.v1.NoSuchService" }).ResponseAsync
            .FailsWith(StatusCode.NotFound);
    }

    [Fact]
    public async Task Reflection_describes_the_error_details_so_generic_clients_decode_them()
    {
        var reflection = new ServerReflection.ServerReflectionClient(factory.CreateChannel());
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "google.rpc.ErrorInfo" });
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        files.Should().Contain("google/rpc/error_details.proto");
    }

    [Fact]
    public async Task Development_serves_the_OpenAPI_description_of_the_JSON_routes()
    {
        using var response = await _http.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        document.GetProperty("paths").TryGetProperty("/v1/tickets", out _).Should().BeTrue();
    }
}
