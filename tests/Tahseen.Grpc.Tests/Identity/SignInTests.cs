using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Identity;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Identity;

public sealed class SignInTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task A_citizen_signs_in_by_username_or_national_id_with_a_code_and_reads_the_account()
    {
        var (account, identity, username) = await _harness.RegisterCitizenAsync();

        foreach (var login in new[] { username, identity.NationalId, username.ToUpperInvariant() })
        {
            var session = await _harness.SignInAsync(login, Harness.CitizenPassword, identity.MobileNumber);

            session.Account.AccountId.Should().Be(account.AccountId);
            session.AccessTokenExpireTime.ToDateTimeOffset().Should().Be(factory.Clock.GetUtcNow().AddMinutes(15));
            var me = await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(session.AccessToken));
            me.Account.Should().Be(account);
        }
    }

    [Fact]
    public async Task An_unknown_login_and_a_wrong_password_fail_the_same_way()
    {
        var (_, _, username) = await _harness.RegisterCitizenAsync();

        var unknown = await _harness.Identity.LoginAsync(new LoginRequest { Login = "nobody.here", Password = "Whatever2026" }).FailsWith(StatusCode.Unauthenticated);
        var wrong = await _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = "Whatever2026" }).FailsWith(StatusCode.Unauthenticated);

        unknown.Reason.Should().Be("INVALID_CREDENTIALS");
        wrong.Reason.Should().Be("INVALID_CREDENTIALS");
        unknown.Localized!.Message.Should().Be(wrong.Localized!.Message);
    }

    [Fact]
    public async Task From_the_third_failure_the_login_needs_a_captcha_and_a_right_password_with_one_starts_afresh()
    {
        var (_, identity, username) = await _harness.RegisterCitizenAsync();
        var wrong = new LoginRequest { Login = username, Password = "Wrong2026pass" };
        for (var attempt = 0; attempt < SignInThrottle.FreeFailures; attempt++)
        {
            (await _harness.Identity.LoginAsync(wrong).FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("INVALID_CREDENTIALS");
        }

        var right = new LoginRequest { Login = username, Password = Harness.CitizenPassword };
        (await _harness.Identity.LoginAsync(right).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_REQUIRED");

        // A fourth failure, now with a solved captcha: it counts, and the login still needs one.
        (await _harness.Identity.LoginAsync(await WithCaptchaAsync(wrong)).FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("INVALID_CREDENTIALS");
        (await _harness.Identity.LoginAsync(right).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_REQUIRED");

        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var challenge = await _harness.Identity.LoginAsync(await WithCaptchaAsync(right));
        var code = await _harness.NextCodeAsync(identity.MobileNumber, before);
        await _harness.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code });

        // The success reset the count: the right password alone signs in again, and a wrong one is a
        // plain failure, not a captcha demand.
        var session = await _harness.SignInAsync(username, Harness.CitizenPassword, identity.MobileNumber);
        session.Account.Username.Should().Be(username);
        (await _harness.Identity.LoginAsync(wrong).FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task A_throttled_login_refuses_a_wrong_captcha_and_spends_it()
    {
        var (_, _, username) = await _harness.RegisterCitizenAsync();
        var wrong = new LoginRequest { Login = username, Password = "Wrong2026pass" };
        for (var attempt = 0; attempt < SignInThrottle.FreeFailures; attempt++)
        {
            await _harness.Identity.LoginAsync(wrong).FailsWith(StatusCode.Unauthenticated);
        }

        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var right = new LoginRequest { Login = username, Password = Harness.CitizenPassword, CaptchaId = captchaId, CaptchaAnswer = answer + "X" };
        (await _harness.Identity.LoginAsync(right).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_INVALID");

        right.CaptchaAnswer = answer;
        (await _harness.Identity.LoginAsync(right).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_INVALID");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_tokens_stop_working()
    {
        var (session, account, _) = await _harness.SignedInCitizenAsync();
        await SetStatusAsync(Guid.Parse(account.AccountId), Domain.Identity.AccountStatus.Disabled);

        (await _harness.Identity.LoginAsync(new LoginRequest { Login = account.Username, Password = Harness.CitizenPassword })
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("ACCOUNT_DISABLED");
        (await _harness.Identity.GetMyAccountAsync(new GetMyAccountRequest(), Harness.Bearer(session.AccessToken))
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
    }

    [Fact]
    public async Task A_wrong_login_code_is_refused_and_the_challenge_dies_after_five()
    {
        var (_, identity, username) = await _harness.RegisterCitizenAsync();
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var challenge = await _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = Harness.CitizenPassword });
        var code = await _harness.NextCodeAsync(identity.MobileNumber, before);
        var wrong = new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code == "999999" ? "888888" : "999999" };

        for (var attempt = 1; attempt < 5; attempt++)
        {
            (await _harness.Identity.VerifyLoginAsync(wrong).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_INVALID");
        }

        (await _harness.Identity.VerifyLoginAsync(wrong).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
        (await _harness.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = code })
            .FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
    }

    [Fact]
    public async Task A_login_code_sent_to_the_wrong_kind_of_step_is_not_found()
    {
        var started = await _harness.StartRegistrationAsync(await _harness.UnusedIdentityAsync());

        var error = await _harness.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = started.RegistrationId, Otp = "123456" })
            .FailsWith(StatusCode.NotFound);

        error.Reason.Should().Be("CHALLENGE_NOT_FOUND");
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_written_to_the_security_log_without_secrets()
    {
        var (_, identity, username) = await _harness.RegisterCitizenAsync();
        await _harness.Identity.LoginAsync(new LoginRequest { Login = username, Password = "Wrong2026pass" }).FailsWith(StatusCode.Unauthenticated);
        var session = await _harness.SignInAsync(username, Harness.CitizenPassword, identity.MobileNumber);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var accountId = Guid.Parse(session.Account.AccountId);
        var events = await db.SecurityEvents.Where(e => e.AccountId == accountId).ToListAsync();

        events.Select(e => e.Kind).Should().Contain(
            [SecurityEventKind.Registered, SecurityEventKind.LoginFailed, SecurityEventKind.LoginPasswordAccepted, SecurityEventKind.LoginSucceeded]);
        events.Should().OnlyContain(e => e.Detail == null || !e.Detail.Contains(Harness.CitizenPassword));
    }

    [Fact]
    public async Task Seeded_staff_and_admin_accounts_sign_in_with_their_roles()
    {
        var staff = await _harness.SignedInAsync(Role.Staff);
        var admin = await _harness.SignedInAsync(Role.Admin);

        staff.Account.Roles.Should().Equal(Role.Staff);
        admin.Account.Roles.Should().Contain(Role.Admin);
        staff.Account.NationalIdMasked.Should().BeEmpty();
    }

    private async Task<LoginRequest> WithCaptchaAsync(LoginRequest request)
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var withCaptcha = request.Clone();
        withCaptcha.CaptchaId = captchaId;
        withCaptcha.CaptchaAnswer = answer;
        return withCaptcha;
    }

    private async Task SetStatusAsync(Guid accountId, Domain.Identity.AccountStatus status)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
        account.SetStatus(status, factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
