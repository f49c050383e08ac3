using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Identity;

public sealed class PasswordResetTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task A_reset_with_identity_mobile_captcha_and_code_sets_a_new_password_and_ends_sessions()
    {
        var (session, account, identity) = await _harness.SignedInCitizenAsync();
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var reset = await StartAsync(identity.NationalId, identity.MobileNumber);
        var code = await _harness.NextCodeAsync(identity.MobileNumber, before);

        (await _harness.Identity.CompletePasswordResetAsync(new CompletePasswordResetRequest { ResetId = reset.ResetId, Otp = code, NewPassword = "abc" })
            .FailsWith(StatusCode.InvalidArgument)).BadRequest!.FieldViolations.Should().OnlyContain(v => v.Field == "new_password");
        await _harness.Identity.CompletePasswordResetAsync(new CompletePasswordResetRequest { ResetId = reset.ResetId, Otp = code, NewPassword = "Recovered2026x" });

        (await _harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
        (await _harness.Identity.LoginAsync(new LoginRequest { Login = account.Username, Password = Harness.CitizenPassword })
            .FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("INVALID_CREDENTIALS");
        await _harness.SignInAsync(account.Username, "Recovered2026x", identity.MobileNumber);
    }

    [Fact]
    public async Task A_reset_for_an_identity_without_an_account_answers_the_same_and_sends_nothing()
    {
        var (_, _, registered) = await _harness.SignedInCitizenAsync();
        var unregistered = await _harness.UnusedIdentityAsync();
        var smsBefore = await _harness.SmsCountAsync(unregistered.MobileNumber);

        var known = await StartAsync(registered.NationalId, registered.MobileNumber);
        var unknown = await StartAsync(unregistered.NationalId, unregistered.MobileNumber);
        var wrongMobile = await StartAsync(registered.NationalId, unregistered.MobileNumber);

        foreach (var response in new[] { unknown, wrongMobile })
        {
            response.ResetId.Should().NotBeEmpty();
            (response.OtpExpireTime - known.OtpExpireTime).Should().Be(new Google.Protobuf.WellKnownTypes.Duration());
        }

        unknown.MaskedMobile.Should().EndWith(unregistered.MobileNumber[^3..]);
        (await _harness.SmsCountAsync(unregistered.MobileNumber)).Should().Be(smsBefore);
        (await _harness.Identity.CompletePasswordResetAsync(new CompletePasswordResetRequest { ResetId = unknown.ResetId, Otp = "123456", NewPassword = "Recovered2026x" })
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_INVALID");
    }

    [Fact]
    public async Task The_captcha_is_checked_first()
    {
        var error = await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = "1000000008", MobileNumber = "0500000001", CaptchaId = Guid.NewGuid().ToString(), CaptchaAnswer = "ABCDE",
        }).FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("CAPTCHA_INVALID");
    }

    private async Task<StartPasswordResetResponse> StartAsync(string nationalId, string mobile)
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        return await _harness.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = nationalId, MobileNumber = mobile, CaptchaId = captchaId, CaptchaAnswer = answer,
        });
    }
}
