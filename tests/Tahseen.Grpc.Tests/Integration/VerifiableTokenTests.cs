using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Integration;

/// <summary>
/// Access tokens are RS256 with a kid; another system verifies them offline with a stock JWT library and
/// the JWKS document alone; the key ring rotates without signing anyone out; nothing but RS256 by a
/// listed key is accepted.
/// </summary>
public sealed class VerifiableTokenTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_stock_library_verifies_a_token_with_only_the_published_key_set()
    {
        // A verifier elsewhere reads the real clock: a token issued on the test's fixed day, a week ago, has
        // expired for it; one issued once the service's clock has caught up with the real one has not.
        var stale = TokenOf(await _kit.CitizenAsync());
        var now = DateTimeOffset.UtcNow;
        if (now > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(now);
        }

        var token = TokenOf(await _kit.CitizenAsync());
        using var http = factory.CreateClient();
        using var response = await http.GetAsync("/.well-known/jwks.json");
        response.EnsureSuccessStatusCode();
        response.Headers.CacheControl!.Public.Should().BeTrue();
        response.Headers.CacheControl.MaxAge.Should().BePositive();
        var keySet = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        keySet.Keys.Should().OnlyContain(k => k.Kty == "RSA" && k.Alg == "RS256" && k.Use == "sig" && k.D == null, "only public keys are published");

        var valid = await VerifyAsync(token, keySet);
        valid.IsValid.Should().BeTrue(valid.Exception?.Message);
        new JsonWebToken(token).Kid.Should().Be(keySet.Keys.Should().ContainSingle().Subject.Kid);
        new JsonWebToken(token).Alg.Should().Be("RS256");

        (await VerifyAsync(stale, keySet)).Exception.Should().BeOfType<SecurityTokenExpiredException>();
        (await VerifyAsync(token, keySet, audience: "another-service")).Exception.Should().BeOfType<SecurityTokenInvalidAudienceException>();
        (await VerifyAsync(token, keySet, issuer: "https://elsewhere.example")).Exception.Should().BeOfType<SecurityTokenInvalidIssuerException>();
    }

    [Fact]
    public async Task Tokens_of_the_previous_key_work_after_rotation_and_stop_once_it_leaves_the_ring()
    {
        await using var database = TestDatabase.Create("tahseen-rotation");
        var (first, second) = (TestSigningKeys.NewPem(), TestSigningKeys.NewPem());
        string oldToken;
        await using (var before = WithSigningKeys(database, ("k1", first)))
        {
            oldToken = TokenOf(await new TicketKit(before).CitizenAsync());
        }

        new JsonWebToken(oldToken).Kid.Should().Be("k1");
        await using (var rotated = WithSigningKeys(database, ("k1", first), ("k2", second)))
        {
            var harness = new Harness(rotated);
            (await harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(oldToken))).Account.Should().NotBeNull();

            var newToken = TokenOf(await new TicketKit(rotated).CitizenAsync());
            new JsonWebToken(newToken).Kid.Should().Be("k2", "the last listed key is the active one");
            using var http = rotated.CreateClient();
            var keySet = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks.json"));
            keySet.Keys.Select(k => k.Kid).Should().BeEquivalentTo("k1", "k2");
            keySet.GetSigningKeys().Should().HaveCount(2);
        }

        await using (var retired = WithSigningKeys(database, ("k2", second)))
        {
            var error = await new Harness(retired).Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(oldToken))
                .FailsWith(StatusCode.Unauthenticated);
            error.Reason.Should().Be("TOKEN_INVALID");
        }
    }

    [Fact]
    public async Task A_token_signed_by_a_key_outside_the_ring_is_refused_whatever_kid_it_names()
    {
        var genuine = TokenOf(await _kit.CitizenAsync());
        var kid = new JsonWebToken(genuine).Kid;
        using var stranger = RSA.Create(2048);

        foreach (var named in new[] { kid, "unknown" })
        {
            var forged = Sign(genuine, new { alg = "RS256", typ = "JWT", kid = named }, data => stranger.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            (await RefusalOf(forged)).Should().Be("TOKEN_INVALID", "kid {0}", named);
        }
    }

    [Fact]
    public async Task HS256_and_unsigned_tokens_are_refused()
    {
        var genuine = TokenOf(await _kit.CitizenAsync());
        var kid = new JsonWebToken(genuine).Kid;
        using var http = factory.CreateClient();
        var modulus = Base64UrlEncoder.DecodeBytes(
            JsonNode.Parse(await http.GetStringAsync("/.well-known/jwks.json"))!["keys"]![0]!["n"]!.GetValue<string>());

        // The classic confusion: an HMAC whose secret is the public key, which anyone can read.
        var hmacWithPublicKey = Sign(genuine, new { alg = "HS256", typ = "JWT", kid }, data => HMACSHA256.HashData(modulus, data));
        var unsigned = Sign(genuine, new { alg = "none", typ = "JWT", kid }, _ => []);

        (await RefusalOf(hmacWithPublicKey)).Should().Be("TOKEN_INVALID");
        (await RefusalOf(unsigned)).Should().Be("TOKEN_INVALID");
        (await RefusalOf(genuine[..genuine.LastIndexOf('.')] + ".")).Should().Be("TOKEN_INVALID");
    }

    private static string TokenOf(Caller caller) => caller.Headers.GetValue("authorization")!["Bearer ".Length..];

    private static Task<TokenValidationResult> VerifyAsync(
        string token, JsonWebKeySet keySet, string audience = "tahseen-grpc", string issuer = "https://tahseen.gov.sa") =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = keySet.GetSigningKeys(),
        });

    /// <summary>The genuine token's claims under another header and signature.</summary>
    private static string Sign(string genuine, object header, Func<byte[], byte[]> signature)
    {
        var payload = genuine.Split('.')[1];
        var head = Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(header));
        return $"{head}.{payload}.{Base64UrlEncoder.Encode(signature(Encoding.ASCII.GetBytes($"{head}.{payload}")))}";
    }

    private async Task<string?> RefusalOf(string token)
    {
        var error = await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(token)).FailsWith(StatusCode.Unauthenticated);
        return error.Reason;
    }

    private static TahseenApiFactory WithSigningKeys(TestDatabase database, params (string Id, string Pem)[] keys) =>
        new()
        {
            Database = database,
            Configure = builder =>
            {
                foreach (var ((id, pem), index) in keys.Select((k, i) => (k, i)))
                {
                    builder.UseSetting($"Security:SigningKeys:{index}:Id", id);
                    builder.UseSetting($"Security:SigningKeys:{index}:Key", pem);
                }
            },
        };
}
