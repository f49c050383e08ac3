using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Identity;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// Sign-in throttling prices guesses without handing strangers a way to lock people out: per login key,
/// captcha from the third failure, a 15-minute lock after ten captcha-backed failures, the same answers
/// for a login nobody has, password reset never blocked, and sign-in codes on their own budget.
/// </summary>
public sealed class SignInThrottleTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string WrongPassword = "Wrong2026pass";
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task Thirty_concurrent_wrong_passwords_then_the_right_one_are_throttled_and_an_unknown_login_answers_the_same()
    {
        var (_, _, username) = await _harness.RegisterCitizenAsync();
        const string unknownLogin = "nobody.registered.here";

        var known = await Overlapping.RunAsync(30, _ => _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = WrongPassword }).ResponseAsync);
        var unknown = await Overlapping.RunAsync(30, _ => _harness.Identity.LoginAsync(new LoginRequest { Login = unknownLogin, Password = WrongPassword }).ResponseAsync);

        // Every guess was counted before its password was checked: only the free ones got an answer.
        var expected = new Dictionary<string, int>
        {
            ["INVALID_CREDENTIALS"] = SignInThrottle.FreeFailures,
            ["CAPTCHA_REQUIRED"] = 30 - SignInThrottle.FreeFailures,
        };
        known.Tally().Should().BeEquivalentTo(expected);
        unknown.Tally().Should().BeEquivalentTo(expected);

        var right = await _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = Harness.CitizenPassword })
            .FailsWith(StatusCode.FailedPrecondition);
        var unknownRight = await _harness.Identity.LoginAsync(new LoginRequest { Login = unknownLogin, Password = Harness.CitizenPassword })
            .FailsWith(StatusCode.FailedPrecondition);
        right.Reason.Should().Be("CAPTCHA_REQUIRED");
        unknownRight.Reason.Should().Be(right.Reason);
        unknownRight.Localized!.Message.Should().Be(right.Localized!.Message);
    }

    [Fact]
    public async Task Ten_captcha_backed_failures_lock_the_login_for_fifteen_minutes_alike_for_an_unknown_login_and_reset_still_works()
    {
        var (_, account, identity) = await _harness.SignedInCitizenAsync();
        var username = account.Username;
        const string unknownLogin = "nobody.locked.here";

        foreach (var login in new[] { username, unknownLogin })
        {
            for (var attempt = 0; attempt < SignInThrottle.FreeFailures; attempt++)
            {
                await _harness.Identity.LoginAsync(new LoginRequest { Login = login, Password = WrongPassword }).FailsWith(StatusCode.Unauthenticated);
            }

            for (var attempt = 0; attempt < SignInThrottle.MaxCaptchaFailures; attempt++)
            {
                (await _harness.Identity.LoginAsync(await WithCaptchaAsync(login, WrongPassword)).FailsWith(StatusCode.Unauthenticated))
                    .Reason.Should().Be("INVALID_CREDENTIALS");
            }
        }

        var locked = await _harness.Identity.LoginAsync(await WithCaptchaAsync(username, Harness.CitizenPassword)).FailsWith(StatusCode.PermissionDenied);
        var unknownLocked = await _harness.Identity.LoginAsync(await WithCaptchaAsync(unknownLogin, Harness.CitizenPassword)).FailsWith(StatusCode.PermissionDenied);
        locked.Reason.Should().Be("ACCOUNT_LOCKED");
        unknownLocked.Reason.Should().Be("ACCOUNT_LOCKED");
        unknownLocked.Localized!.Message.Should().Be(locked.Localized!.Message);

        // The lock is on the key, not the person: a password reset goes through while it runs.
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var reset = await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, CaptchaId = captchaId, CaptchaAnswer = answer,
        });
        var code = await _harness.NextCodeAsync(identity.MobileNumber, before);
        await _harness.Identity.CompletePasswordResetAsync(new CompletePasswordResetRequest { ResetId = reset.ResetId, Otp = code, NewPassword = "Recovered2026x" });

        factory.Clock.Advance(SignInThrottle.LockoutDuration - TimeSpan.FromSeconds(1));
        (await _harness.Identity.LoginAsync(await WithCaptchaAsync(username, "Recovered2026x")).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("ACCOUNT_LOCKED");

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        before = await _harness.SmsCountAsync(identity.MobileNumber);
        var challenge = await _harness.Identity.LoginAsync(await WithCaptchaAsync(username, "Recovered2026x"));
        code = await _harness.NextCodeAsync(identity.MobileNumber, before);
        await _harness.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code });
    }

    [Fact]
    public async Task The_same_login_typed_another_way_shares_its_count()
    {
        var (_, account, identity) = await _harness.SignedInCitizenAsync();
        var arabicDigits = string.Concat(identity.NationalId.Select(d => (char)('\u0660' + (d - '0'))));
        foreach (var typed in new[] { new[] { account.Username.ToUpperInvariant(), " " + account.Username, account.Username }, new[] { arabicDigits, identity.NationalId, " " + identity.NationalId } })
        {
            foreach (var login in typed)
            {
                (await _harness.Identity.LoginAsync(new LoginRequest { Login = login, Password = WrongPassword }).FailsWith(StatusCode.Unauthenticated))
                    .Reason.Should().Be("INVALID_CREDENTIALS");
            }

            (await _harness.Identity.LoginAsync(new LoginRequest { Login = typed[^1], Password = Harness.CitizenPassword })
                .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_REQUIRED");
        }
    }

    [Fact]
    public async Task Wrong_current_passwords_on_ChangePassword_are_throttled_and_written_to_the_security_log()
    {
        var (session, account, _) = await _harness.SignedInCitizenAsync();
        var headers = Harness.Bearer(session.AccessToken);
        var change = new ChangePasswordRequest { CurrentPassword = WrongPassword, NewPassword = "Changed2026pass" };

        var outcomes = await Overlapping.RunAsync(20, _ => _harness.Identity.ChangePasswordAsync(change, headers).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["INVALID_CREDENTIALS"] = SignInThrottle.FreeFailures,
            ["CAPTCHA_REQUIRED"] = 20 - SignInThrottle.FreeFailures,
        });
        var right = new ChangePasswordRequest { CurrentPassword = Harness.CitizenPassword, NewPassword = "Changed2026pass" };
        (await _harness.Identity.ChangePasswordAsync(right, headers).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_REQUIRED");
        (await _harness.Identity.LoginAsync(new LoginRequest { Login = account.Username, Password = Harness.CitizenPassword })
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_REQUIRED");

        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        right.CaptchaId = captchaId;
        right.CaptchaAnswer = answer;
        await _harness.Identity.ChangePasswordAsync(right, headers);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var accountId = Guid.Parse(account.AccountId);
        (await db.SecurityEvents.CountAsync(e => e.AccountId == accountId && e.Kind == SecurityEventKind.PasswordChangeFailed))
            .Should().Be(SignInThrottle.FreeFailures);
    }

    [Fact]
    public async Task Codes_sent_to_a_mobile_by_strangers_never_block_its_owners_sign_in()
    {
        var (_, account, identity) = await _harness.SignedInCitizenAsync();

        // The registration code and four resets use up the mobile's anonymous budget.
        for (var reset = 0; reset < 4; reset++)
        {
            var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
            await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
            {
                NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, CaptchaId = captchaId, CaptchaAnswer = answer,
            });
        }

        var (nextCaptchaId, nextAnswer) = await _harness.SolvedCaptchaAsync();
        (await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, CaptchaId = nextCaptchaId, CaptchaAnswer = nextAnswer,
        }).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("RATE_LIMITED");

        var session = await _harness.SignInAsync(account.Username, Harness.CitizenPassword, identity.MobileNumber);
        session.Account.AccountId.Should().Be(account.AccountId);
    }

    [Fact]
    public async Task Sign_in_codes_have_their_own_hourly_budget_per_account()
    {
        var (_, account, identity) = await _harness.SignedInCitizenAsync();
        var login = new LoginRequest { Login = account.Username, Password = Harness.CitizenPassword };
        for (var sent = 2; sent <= 5; sent++)
        {
            await _harness.Identity.LoginAsync(login);
        }

        var limited = await _harness.Identity.LoginAsync(login).FailsWith(StatusCode.ResourceExhausted);
        limited.Reason.Should().Be("RATE_LIMITED");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await _harness.SignInAsync(account.Username, Harness.CitizenPassword, identity.MobileNumber);
    }

    private async Task<LoginRequest> WithCaptchaAsync(string login, string password)
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        return new LoginRequest { Login = login, Password = password, CaptchaId = captchaId, CaptchaAnswer = answer };
    }
}
