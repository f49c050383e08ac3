using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Identity;

public sealed class RegistrationTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task A_citizen_registers_with_the_captcha_and_the_code_sent_to_the_registry_mobile()
    {
        var (account, identity, username) = await _harness.RegisterCitizenAsync();

        account.Username.Should().Be(username);
        account.Roles.Should().Equal(Role.Citizen);
        account.PersonKind.Should().Be(PersonKind.Citizen);
        account.Status.Should().Be(AccountStatus.Active);
        account.NationalIdMasked.Should().Be(identity.NationalId[..1] + "*******" + identity.NationalId[^2..]);
        account.FullName.Should().Be(identity.FullNameAr);
        var listed = await _harness.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest());
        listed.Identities.Single(i => i.NationalId == identity.NationalId).Registered.Should().BeTrue();
    }

    [Fact]
    public async Task A_resident_registers_and_gets_the_code_in_Arabic_and_English()
    {
        var identity = await _harness.UnusedIdentityAsync(PersonKind.Resident);
        var before = await _harness.SmsCountAsync(identity.MobileNumber);

        var started = await _harness.StartRegistrationAsync(identity);

        started.MaskedMobile.Should().StartWith("+9665").And.EndWith(identity.MobileNumber[^3..]).And.Contain("*");
        var sms = await _harness.NextSmsAsync(identity.MobileNumber, before);
        sms.Should().MatchRegex(@"\p{IsArabic}").And.Contain("Tahseen registration code");
    }

    [Theory]
    [InlineData("0500000001")]
    [InlineData("500000001")]
    [InlineData("966500000001")]
    [InlineData("+966500000001")]
    [InlineData("+966 50 000 0001")]
    public async Task Every_Saudi_mobile_format_is_accepted_for_the_same_number(string typed)
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();

        var started = await _harness.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = "1000000008", MobileNumber = typed, Email = "m@example.sa", CaptchaId = captchaId, CaptchaAnswer = answer,
        });

        started.MaskedMobile.Should().Be("+9665*****001");
    }

    [Fact]
    public async Task Malformed_identity_mobile_and_email_are_all_reported_at_once_in_Arabic_by_default()
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();

        var error = await _harness.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = "1000000009", MobileNumber = "0112345678", Email = "not-an-email", CaptchaId = captchaId, CaptchaAnswer = answer,
        }).FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("NATIONAL_ID_INVALID");
        error.Info!.Domain.Should().Be("tahseen.gov.sa");
        error.BadRequest!.FieldViolations.Select(v => (v.Field, v.Reason)).Should().Equal(
            ("national_id", "NATIONAL_ID_INVALID"), ("mobile_number", "MOBILE_INVALID"), ("email", "EMAIL_INVALID"));
        error.Localized!.Locale.Should().Be("ar");
        error.Localized.Message.Should().MatchRegex(@"\p{IsArabic}");
        error.BadRequest.FieldViolations.Should().OnlyContain(v =>
            v.LocalizedMessage.Locale == "ar" && v.Description.Length > 0 && v.LocalizedMessage.Message.Length > 0);
    }

    [Fact]
    public async Task Errors_come_in_English_when_the_caller_asks_for_it()
    {
        var error = await _harness.Identity.StartRegistrationAsync(
            new StartRegistrationRequest { NationalId = "12", MobileNumber = "0500000001", Email = "a@b.sa", CaptchaId = "x", CaptchaAnswer = "y" },
            GrpcAssertions.Language("en-GB,en;q=0.9")).FailsWith(StatusCode.InvalidArgument);

        error.Localized!.Locale.Should().Be("en");
        error.Localized.Message.Should().Be("The national ID or iqama number is not valid.");
        error.BadRequest!.FieldViolations.Single().LocalizedMessage.Message.Should().Be(error.Localized.Message);
    }

    [Fact]
    public async Task A_wrong_captcha_answer_is_refused_before_the_registry_is_asked_and_the_image_is_used_up()
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var request = new StartRegistrationRequest
        {
            NationalId = "1000000008", MobileNumber = "0500000001", Email = "a@b.sa", CaptchaId = captchaId, CaptchaAnswer = "WRONG",
        };

        (await _harness.Identity.StartRegistrationAsync(request).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_INVALID");

        request.CaptchaAnswer = answer;
        (await _harness.Identity.StartRegistrationAsync(request).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_INVALID");
    }

    [Fact]
    public async Task A_captcha_is_answered_case_insensitively_but_only_once()
    {
        var identity = await _harness.UnusedIdentityAsync();
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        var request = new StartRegistrationRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, Email = "a@b.sa", CaptchaId = captchaId, CaptchaAnswer = answer.ToLowerInvariant(),
        };

        await _harness.Identity.StartRegistrationAsync(request);

        (await _harness.Identity.StartRegistrationAsync(request).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CAPTCHA_INVALID");
    }

    [Fact]
    public async Task A_captcha_expires_after_two_minutes()
    {
        var (captchaId, answer) = await _harness.SolvedCaptchaAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var error = await _harness.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = "1000000008", MobileNumber = "0500000001", Email = "a@b.sa", CaptchaId = captchaId, CaptchaAnswer = answer,
        }).FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("CAPTCHA_INVALID");
    }

    [Theory]
    [InlineData(IdentityStatus.IqamaExpired)]
    [InlineData(IdentityStatus.Deceased)]
    public async Task A_person_who_is_not_eligible_cannot_register(IdentityStatus status)
    {
        var identity = (await _harness.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest()))
            .Identities.First(i => i.Status == status);
        identity.Eligible.Should().BeFalse();

        var error = await _harness.StartRegistrationAsync(identity).FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("NOT_ELIGIBLE");
    }

    [Fact]
    public async Task A_well_formed_identity_unknown_to_the_registry_is_not_eligible()
    {
        var unknown = new SandboxIdentity { NationalId = "199999999" + Domain.Identity.NationalId.ComputeCheckDigit("199999999"), MobileNumber = "0500000001" };

        (await _harness.StartRegistrationAsync(unknown).FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("NOT_ELIGIBLE");
    }

    [Fact]
    public async Task Registering_with_a_mobile_that_belongs_to_someone_else_is_refused()
    {
        var identities = (await _harness.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest())).Identities;
        var person = identities.First(i => i.Eligible);
        var someoneElse = identities.First(i => i.NationalId != person.NationalId);

        var error = await _harness.StartRegistrationAsync(new SandboxIdentity { NationalId = person.NationalId, MobileNumber = someoneElse.MobileNumber })
            .FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("MOBILE_NOT_OWNED");
    }

    [Fact]
    public async Task An_identity_has_at_most_one_account()
    {
        var (_, identity, _) = await _harness.RegisterCitizenAsync();

        var error = await _harness.StartRegistrationAsync(identity).FailsWith(StatusCode.AlreadyExists);

        error.Reason.Should().Be("ACCOUNT_EXISTS");
    }
}
