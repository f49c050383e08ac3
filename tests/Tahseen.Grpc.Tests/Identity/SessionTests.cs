using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Identity;

public sealed class SessionTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task A_refresh_token_is_rotated_and_presenting_the_spent_one_ends_the_whole_family()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();

        var refreshed = await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken });
        refreshed.RefreshToken.Should().NotBe(session.RefreshToken);
        (await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(refreshed.AccessToken))).Account.AccountId
            .Should().Be(session.Account.AccountId);

        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = refreshed.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
    }

    [Fact]
    public async Task Two_concurrent_refreshes_with_one_token_yield_at_most_one_session()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken });
                return "OK";
            }
            catch (RpcException exception)
            {
                return GrpcError.From(exception).Reason;
            }
        }));

        outcomes.Count(o => o == "OK").Should().BeLessThanOrEqualTo(1);
        outcomes.Should().Contain("TOKEN_INVALID");
    }

    [Fact]
    public async Task Unknown_and_expired_refresh_tokens_are_refused()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();

        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = "not-a-token" })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");

        factory.Clock.Advance(TimeSpan.FromDays(15));
        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_EXPIRED");
    }

    [Fact]
    public async Task An_access_token_lasts_fifteen_minutes()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(session.AccessToken));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var error = await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(session.AccessToken, "en"))
            .FailsWith(StatusCode.Unauthenticated);

        error.Reason.Should().Be("TOKEN_EXPIRED");
        error.Localized!.Message.Should().Contain("expired");
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_with_the_error_model()
    {
        var error = await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest()).FailsWith(StatusCode.Unauthenticated);

        error.Reason.Should().Be("TOKEN_INVALID");
        error.Info!.Domain.Should().Be("tahseen.gov.sa");
        error.Localized!.Locale.Should().Be("ar");
    }

    [Fact]
    public async Task A_tampered_token_a_foreign_key_and_an_unsigned_token_are_all_refused()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();
        var parts = session.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("CITIZEN", "ADMIN", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
        var foreign = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://tahseen.gov.sa",
            Audience = "tahseen-grpc",
            Claims = new Dictionary<string, object> { ["sub"] = session.Account.AccountId, ["role"] = "ADMIN" },
            Expires = factory.Clock.GetUtcNow().AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        foreach (var token in new[] { tampered, unsigned, foreign, "garbage" })
        {
            (await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(token))
                .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID", token);
        }
    }

    [Fact]
    public async Task Logout_ends_the_session_family()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();

        await _harness.Identity.LogoutAsync(new LogoutRequest { RefreshToken = session.RefreshToken }, Harness.Bearer(session.AccessToken));

        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
    }

    [Fact]
    public async Task Logging_out_someone_elses_refresh_token_does_nothing()
    {
        var (victim, _, _) = await _harness.SignedInCitizenAsync();
        var (attacker, _, _) = await _harness.SignedInCitizenAsync();

        await _harness.Identity.LogoutAsync(new LogoutRequest { RefreshToken = victim.RefreshToken }, Harness.Bearer(attacker.AccessToken));

        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = victim.RefreshToken })).AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_and_the_new_password_works()
    {
        var (session, account, identity) = await _harness.SignedInCitizenAsync();
        var second = await _harness.SignInAsync(account.Username, Harness.CitizenPassword, identity.MobileNumber);

        (await _harness.Identity.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "Wrong2026pass", NewPassword = "Changed2026pass" },
            Harness.Bearer(session.AccessToken)).FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("INVALID_CREDENTIALS");
        (await _harness.Identity.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = Harness.CitizenPassword, NewPassword = "short" },
            Harness.Bearer(session.AccessToken)).FailsWith(StatusCode.InvalidArgument)).BadRequest!.FieldViolations
            .Should().OnlyContain(v => v.Field == "new_password");

        await _harness.Identity.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = Harness.CitizenPassword, NewPassword = "Changed2026pass" },
            Harness.Bearer(session.AccessToken));

        foreach (var old in new[] { session, second })
        {
            (await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(old.AccessToken))
                .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
            (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = old.RefreshToken })
                .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
        }

        await _harness.SignInAsync(account.Username, "Changed2026pass", identity.MobileNumber);
    }
}
