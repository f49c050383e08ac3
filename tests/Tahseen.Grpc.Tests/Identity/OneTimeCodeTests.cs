using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Identity;

/// <summary>The code rules, shown through registration: 5 minutes, 5 wrong tries, 60 s between sends, 5 an hour.</summary>
public sealed class OneTimeCodeTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task The_fifth_wrong_code_kills_it_and_then_even_the_right_code_is_refused()
    {
        var (started, identity, code) = await StartAsync();
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await CompleteAsync(started, wrong).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_INVALID");
        }

        (await CompleteAsync(started, wrong).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
        (await CompleteAsync(started, code).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");

        // A new code restores the tries.
        factory.Clock.Advance(TimeSpan.FromSeconds(60));
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        await _harness.Identity.ResendRegistrationOtpAsync(new ResendRegistrationOtpRequest { RegistrationId = started.RegistrationId });
        var fresh = await _harness.NextCodeAsync(identity.MobileNumber, before);
        (await CompleteAsync(started, fresh)).Account.Username.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_code_expires_after_five_minutes()
    {
        var (started, _, code) = await StartAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        (await CompleteAsync(started, code).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_EXPIRED");
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        var (started, _, code) = await StartAsync();
        await CompleteAsync(started, code);

        (await CompleteAsync(started, code).FailsWith(StatusCode.NotFound)).Reason.Should().Be("REGISTRATION_NOT_FOUND");
    }

    [Fact]
    public async Task A_resend_waits_sixty_seconds_and_replaces_the_code()
    {
        var (started, identity, oldCode) = await StartAsync();
        var resend = new ResendRegistrationOtpRequest { RegistrationId = started.RegistrationId };

        (await _harness.Identity.ResendRegistrationOtpAsync(resend).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_RESEND_TOO_SOON");

        factory.Clock.Advance(TimeSpan.FromSeconds(60));
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var resent = await _harness.Identity.ResendRegistrationOtpAsync(resend);
        var newCode = await _harness.NextCodeAsync(identity.MobileNumber, before);

        resent.ResendAvailableTime.ToDateTimeOffset().Should().Be(factory.Clock.GetUtcNow().AddSeconds(60));
        if (newCode != oldCode)
        {
            (await CompleteAsync(started, oldCode).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_INVALID");
        }

        (await CompleteAsync(started, newCode)).Account.Should().NotBeNull();
    }

    [Fact]
    public async Task A_mobile_gets_at_most_five_codes_an_hour()
    {
        var (started, identity, _) = await StartAsync();
        var resend = new ResendRegistrationOtpRequest { RegistrationId = started.RegistrationId };
        for (var sent = 2; sent <= 5; sent++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(61));
            await _harness.Identity.ResendRegistrationOtpAsync(resend);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        (await _harness.Identity.ResendRegistrationOtpAsync(resend).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("RATE_LIMITED");

        (await _harness.StartRegistrationAsync(identity).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("RATE_LIMITED");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        (await _harness.StartRegistrationAsync(identity)).RegistrationId.Should().NotBe(started.RegistrationId);
    }

    [Fact]
    public async Task With_the_right_code_a_refused_password_username_or_terms_gives_the_try_back()
    {
        var (started, _, code) = await StartAsync();
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        // More refusals than there are tries: had any of them kept its try, the code would be dead.
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
            {
                RegistrationId = started.RegistrationId, Otp = code, Username = "weak.one", Password = "password",
                AcceptTerms = true, TermsVersion = terms.Version,
            }).FailsWith(StatusCode.InvalidArgument);
        }

        (await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = "fine.user", Password = "Tahseen2026ok",
            AcceptTerms = false, TermsVersion = terms.Version,
        }).FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("TERMS_NOT_ACCEPTED");

        (await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = "fine.user", Password = "Tahseen2026ok",
            AcceptTerms = true, TermsVersion = "1999.1",
        }).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("TERMS_VERSION_MISMATCH");

        (await CompleteAsync(started, code)).Account.Should().NotBeNull();
    }

    [Fact]
    public async Task Without_the_code_a_username_probe_spends_tries_and_learns_nothing()
    {
        var (_, _, takenUsername) = await _harness.RegisterCitizenAsync();
        var (started, _, code) = await StartAsync();
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());
        var probe = new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code == "000000" ? "111111" : "000000", Username = takenUsername,
            Password = "Tahseen2026ok", AcceptTerms = true, TermsVersion = terms.Version,
        };

        for (var attempt = 1; attempt < 5; attempt++)
        {
            (await _harness.Identity.CompleteRegistrationAsync(probe).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("OTP_INVALID");
        }

        (await _harness.Identity.CompleteRegistrationAsync(probe).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
        probe.Otp = code;
        (await _harness.Identity.CompleteRegistrationAsync(probe).FailsWith(StatusCode.ResourceExhausted)).Reason.Should().Be("OTP_ATTEMPTS_EXCEEDED");
    }

    [Fact]
    public async Task Every_broken_password_rule_is_reported_in_policy_order()
    {
        var (started, _, code) = await StartAsync();
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        var error = await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = "rules.user", Password = "AAAA!",
            AcceptTerms = true, TermsVersion = terms.Version,
        }).FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("PASSWORD_TOO_SHORT");
        error.ViolationReasons.Should().Equal(
            "PASSWORD_TOO_SHORT", "PASSWORD_NEEDS_LOWERCASE", "PASSWORD_NEEDS_DIGIT", "PASSWORD_HAS_SYMBOL", "PASSWORD_REPEATED_CHARS");
        error.BadRequest!.FieldViolations.Should().OnlyContain(v => v.Field == "password");
    }

    [Fact]
    public async Task A_password_containing_the_username_or_the_identity_is_refused()
    {
        var (started, identity, code) = await StartAsync();
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        foreach (var (username, password) in new[] { ("salem", "xSALEMx2026"), ("other.name", "id" + identity.NationalId + "x") })
        {
            var error = await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
            {
                RegistrationId = started.RegistrationId, Otp = code, Username = username, Password = password,
                AcceptTerms = true, TermsVersion = terms.Version,
            }).FailsWith(StatusCode.InvalidArgument);
            error.Reason.Should().Be("PASSWORD_CONTAINS_IDENTITY");
        }
    }

    [Fact]
    public async Task A_username_is_unique_whatever_its_case()
    {
        var (_, _, username) = await _harness.RegisterCitizenAsync();
        var (started, _, code) = await StartAsync();
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        var error = await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId, Otp = code, Username = username.ToUpperInvariant(), Password = "Tahseen2026ok",
            AcceptTerms = true, TermsVersion = terms.Version,
        }).FailsWith(StatusCode.AlreadyExists);

        error.Reason.Should().Be("USERNAME_TAKEN");
        error.BadRequest!.FieldViolations.Single().Field.Should().Be("username");
    }

    [Fact]
    public async Task Two_concurrent_registrations_of_one_identity_create_one_account()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var first = await _harness.StartRegistrationAsync(identity);
        var firstCode = await _harness.NextCodeAsync(identity.MobileNumber, 0);
        var second = await _harness.StartRegistrationAsync(identity);
        var secondCode = await _harness.NextCodeAsync(identity.MobileNumber, 1);
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());

        var attempts = new[] { (first, firstCode, "racer.one"), (second, secondCode, "racer.two") }
            .Select(async a =>
            {
                try
                {
                    await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
                    {
                        RegistrationId = a.Item1.RegistrationId, Otp = a.Item2, Username = a.Item3, Password = "Tahseen2026ok",
                        AcceptTerms = true, TermsVersion = terms.Version,
                    });
                    return "OK";
                }
                catch (RpcException exception)
                {
                    return GrpcError.From(exception).Reason;
                }
            });

        var outcomes = await Task.WhenAll(attempts);

        outcomes.Should().BeEquivalentTo(["OK", "ACCOUNT_EXISTS"]);
    }

    [Fact]
    public async Task An_unknown_registration_is_not_found()
    {
        var error = await _harness.Identity.ResendRegistrationOtpAsync(
            new ResendRegistrationOtpRequest { RegistrationId = Guid.NewGuid().ToString() }).FailsWith(StatusCode.NotFound);

        error.Reason.Should().Be("REGISTRATION_NOT_FOUND");
    }

    private async Task<(StartRegistrationResponse Started, SandboxIdentity Identity, string Code)> StartAsync()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var before = await _harness.SmsCountAsync(identity.MobileNumber);
        var started = await _harness.StartRegistrationAsync(identity);
        return (started, identity, await _harness.NextCodeAsync(identity.MobileNumber, before));
    }

    private async Task<CompleteRegistrationResponse> CompleteAsync(StartRegistrationResponse started, string code)
    {
        var terms = await _harness.Identity.GetTermsAsync(new GetTermsRequest());
        return await _harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId,
            Otp = code,
            Username = "user" + Guid.NewGuid().ToString("N")[..10],
            Password = "Tahseen2026ok",
            AcceptTerms = true,
            TermsVersion = terms.Version,
        });
    }
}
