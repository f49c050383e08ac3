using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// Every check-then-write of the identity flows, attacked by 20 calls released together. Each would let
/// several calls through if it were read, decide, write: every call would read the same state.
/// </summary>
public sealed class IdentityRaceTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const int Calls = 20;
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task Twenty_overlapping_VerifyLogin_calls_with_the_right_code_open_exactly_one_session()
    {
        var (_, identity, username) = await _harness.RegisterCitizenAsync();
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var challenge = await _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = Harness.CitizenPassword });
        var verify = new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = await _harness.NextCodeAsync(identity.MobileNumber, before) };

        var outcomes = await Overlapping.RunAsync(Calls, _ => _harness.Identity.VerifyLoginAsync(verify).ResponseAsync);

        outcomes.Count(o => o == "OK").Should().Be(1);
        outcomes.Where(o => o != "OK").Should().OnlyContain(o => o == "CHALLENGE_NOT_FOUND" || o == "OTP_ATTEMPTS_EXCEEDED");
        (await SessionsOfAsync(username)).Should().Be(1);
    }

    [Fact]
    public async Task Twenty_overlapping_CompleteRegistration_calls_with_the_right_code_create_one_account()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var started = await _harness.StartRegistrationAsync(identity);
        var code = await _harness.NextCodeAsync(identity.MobileNumber, 0);
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        var outcomes = await Overlapping.RunAsync(Calls, index => _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = $"race{index}.{identity.NationalId}",
            Password = Harness.CitizenPassword, AcceptTerms = true, TermsVersion = terms.Version,
        }).ResponseAsync);

        outcomes.Count(o => o == "OK").Should().Be(1);
        outcomes.Where(o => o != "OK").Should().OnlyContain(o => o == "REGISTRATION_NOT_FOUND" || o == "OTP_ATTEMPTS_EXCEEDED" || o == "ACCOUNT_EXISTS");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var suffix = "." + identity.NationalId;
        (await db.Accounts.CountAsync(a => a.NormalizedUsername.StartsWith("race") && a.NormalizedUsername.EndsWith(suffix))).Should().Be(1);
    }

    [Fact]
    public async Task Twenty_overlapping_CompletePasswordReset_calls_with_the_right_code_set_one_password()
    {
        var (_, account, identity) = await _harness.SignedInCitizenAsync();
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var reset = await StartResetAsync(identity.NationalId, identity.MobileNumber);
        var code = await _harness.NextCodeAsync(identity.MobileNumber, before);

        var outcomes = await Overlapping.RunAsync(Calls, index => _harness.Identity.CompletePasswordResetAsync(
            new CompletePasswordResetRequest { ResetId = reset.ResetId, Otp = code, NewPassword = $"Recovered{index}x2026" }).ResponseAsync);

        var winner = outcomes.ToList().FindIndex(o => o == "OK");
        outcomes.Count(o => o == "OK").Should().Be(1);
        outcomes.Where(o => o != "OK").Should().OnlyContain(o => o == "PASSWORD_RESET_NOT_FOUND" || o == "OTP_ATTEMPTS_EXCEEDED");
        await _harness.SignInAsync(account.Username, $"Recovered{winner}x2026", identity.MobileNumber);
    }

    [Fact]
    public async Task Twenty_overlapping_wrong_codes_are_compared_at_most_five_times()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var started = await _harness.StartRegistrationAsync(identity);
        var code = await _harness.NextCodeAsync(identity.MobileNumber, 0);
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());
        var guesses = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .Where(guess => guess != code).Take(Calls).ToArray();

        var outcomes = await Overlapping.RunAsync(Calls, index => _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = guesses[index], Username = "guess." + identity.NationalId,
            Password = Harness.CitizenPassword, AcceptTerms = true, TermsVersion = terms.Version,
        }).ResponseAsync);

        outcomes.Count(o => o == "OTP_INVALID").Should().BeLessThanOrEqualTo(4);
        outcomes.Should().OnlyContain(o => o == "OTP_INVALID" || o == "OTP_ATTEMPTS_EXCEEDED");
        (await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = "guess." + identity.NationalId,
            Password = Harness.CitizenPassword, AcceptTerms = true, TermsVersion = terms.Version,
        }).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
    }

    [Fact]
    public async Task Twenty_overlapping_StartRegistration_calls_for_one_mobile_send_five_codes()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var captchas = await CaptchasAsync(Calls);

        var outcomes = await Overlapping.RunAsync(Calls, index => _harness.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, Email = "person@example.sa",
            CaptchaId = captchas[index].Id, CaptchaAnswer = captchas[index].Answer,
        }).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 5, ["RATE_LIMITED"] = Calls - 5 });
        (await _harness.SmsCountAsync(identity.MobileNumber)).Should().Be(5);
    }

    [Fact]
    public async Task Twenty_overlapping_resets_for_a_mobile_that_had_two_codes_send_three_more_and_limit_alike_without_an_account()
    {
        var (_, _, registered) = await _harness.SignedInCitizenAsync();
        var unregistered = await _harness.UnusedIdentityAsync();
        foreach (var identity in new[] { registered, unregistered })
        {
            // Two codes' worth spent already: the registered mobile got its registration code, both get resets.
            var alreadySpent = identity == registered ? 1 : 0;
            for (var spent = alreadySpent; spent < 2; spent++)
            {
                await StartResetAsync(identity.NationalId, identity.MobileNumber);
            }

            var sentBefore = await _harness.SmsCountAsync(identity.MobileNumber);
            var captchas = await CaptchasAsync(Calls);

            var outcomes = await Overlapping.RunAsync(Calls, index => _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
            {
                NationalId = identity.NationalId, MobileNumber = identity.MobileNumber,
                CaptchaId = captchas[index].Id, CaptchaAnswer = captchas[index].Answer,
            }).ResponseAsync);

            // The same answers whether or not an account exists; only the registered one gets messages.
            outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 3, ["RATE_LIMITED"] = Calls - 3 });
            var sent = await _harness.SmsCountAsync(identity.MobileNumber) - sentBefore;
            sent.Should().Be(identity == registered ? 3 : 0);
        }
    }

    [Fact]
    public async Task Twenty_overlapping_uses_of_one_captcha_pass_it_once()
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var identity = await _harness.UnusedIdentityAsync();

        var outcomes = await Overlapping.RunAsync(Calls, _ => _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, CaptchaId = captchaId, CaptchaAnswer = answer,
        }).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 1, ["CAPTCHA_INVALID"] = Calls - 1 });
    }

    [Fact]
    public async Task Twenty_overlapping_refreshes_of_one_token_succeed_at_most_once_and_the_replays_end_the_session()
    {
        var (session, _, _) = await _harness.SignedInCitizenAsync();

        var outcomes = await Overlapping.RunAsync(Calls, _ => _harness.Identity.RefreshTokenAsync(
            new RefreshTokenRequest { RefreshToken = session.RefreshToken }).ResponseAsync);

        // The token is spent once; every other use is a replay, which ends the session, usually before
        // the one winner has stored its new token (then it fails too: no token outlives its session).
        outcomes.Count(o => o == "OK").Should().BeLessThanOrEqualTo(1);
        outcomes.Where(o => o != "OK").Should().OnlyContain(o => o == "TOKEN_INVALID").And.HaveCountGreaterThanOrEqualTo(Calls - 1);
        (await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(session.AccessToken))
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
    }

    private async Task<StartPasswordResetResponse> StartResetAsync(string nationalId, string mobile)
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        return await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = nationalId, MobileNumber = mobile, CaptchaId = captchaId, CaptchaAnswer = answer,
        });
    }

    private async Task<(string Id, string Answer)[]> CaptchasAsync(int count)
    {
        var captchas = new (string, string)[count];
        for (var i = 0; i < count; i++)
        {
            captchas[i] = await _harness.SolvedCaptchaAsync();
        }

        return captchas;
    }

    private async Task<int> SessionsOfAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var normalized = username.ToLowerInvariant();
        var accountId = await db.Accounts.Where(a => a.NormalizedUsername == normalized).Select(a => a.Id).SingleAsync();
        return await db.Sessions.CountAsync(s => s.AccountId == accountId);
    }
}
