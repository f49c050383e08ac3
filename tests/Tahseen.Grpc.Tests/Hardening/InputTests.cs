using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Hardening;

public sealed class InputTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public async Task Bidi_controls_in_free_text_are_refused(string control)
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        request.Subject = $"invoice {control}fdp.exe";

        var error = await _kit.Tickets.SubmitTicketAsync(request, citizen.Options()).FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("TEXT_HAS_BIDI_CONTROLS");
        error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "subject" && v.Reason == "TEXT_HAS_BIDI_CONTROLS");
    }

    /// <summary>
    /// Found by the garbage-input property test: U+FFFE made Unicode normalisation throw, and the
    /// call ended INTERNAL. Noncharacters are not text; they are refused like control characters.
    /// </summary>
    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    [InlineData("\uFDD0")]
    [InlineData("\U0010FFFF")]
    [InlineData("\U0001FFFE")]
    public async Task Unicode_noncharacters_in_free_text_are_refused_not_a_crash(string noncharacter)
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        request.Description = $"طلب {noncharacter} تجديد";

        var error = await _kit.Tickets.SubmitTicketAsync(request, citizen.Options()).FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "description" && v.Reason == "FIELD_HAS_CONTROL_CHARACTERS");
    }

    [Theory]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\uFEFF \u00AD")]
    [InlineData("\u3164")]
    public async Task Required_text_made_only_of_invisible_characters_counts_as_empty(string invisible)
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        request.Subject = invisible;

        var error = await _kit.Tickets.SubmitTicketAsync(request, citizen.Options()).FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "subject" && v.Reason == "FIELD_REQUIRED");
    }

    [Theory]
    [InlineData('\u0660')]
    [InlineData('\u06F0')]
    public async Task A_one_time_code_typed_in_Arabic_Indic_digits_signs_in(char zero)
    {
        var (_, identity, username) = await _kit.Harness.RegisterCitizenAsync();
        var before = await _kit.Harness.SmsCountAsync(identity.MobileNumber);
        var challenge = await _kit.Identity.LoginAsync(new LoginRequest { Login = username, Password = Harness.CitizenPassword });
        var code = await _kit.Harness.NextCodeAsync(identity.MobileNumber, before);
        var typed = new string(code.Select(c => (char)(zero + (c - '0'))).ToArray());

        var session = await _kit.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = typed });

        session.AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_captcha_answer_typed_in_Arabic_Indic_digits_is_accepted()
    {
        var identity = await _kit.Harness.UnusedIdentityAsync();
        string captchaId;
        string answer;
        do
        {
            (captchaId, answer) = await _kit.Harness.SolvedCaptchaAsync();
        }
        while (!answer.Any(char.IsAsciiDigit));

        var typed = new string(answer.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c).ToArray());
        var started = await _kit.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = "person@example.sa",
            CaptchaId = captchaId,
            CaptchaAnswer = typed,
        });

        started.RegistrationId.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(long.MaxValue, 0, "start_time")]
    [InlineData(-62135596801, 0, "start_time")]
    [InlineData(0, -1, "start_time")]
    [InlineData(0, 1_000_000_000, "start_time")]
    public async Task A_timestamp_outside_the_calendar_is_INVALID_ARGUMENT(long seconds, int nanos, string field)
    {
        var staff = await _kit.DeskAsync();

        var error = await _kit.Staff.GetTicketStatisticsAsync(
            new GetTicketStatisticsRequest { StartTime = new Timestamp { Seconds = seconds, Nanos = nanos } }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("TIMESTAMP_OUT_OF_RANGE");
        error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == field);
    }

    [Fact]
    public async Task An_end_time_outside_the_calendar_names_end_time()
    {
        var staff = await _kit.DeskAsync();

        var error = await _kit.Staff.GetTicketStatisticsAsync(
            new GetTicketStatisticsRequest { EndTime = new Timestamp { Seconds = 253402300800 } }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "end_time" && v.Reason == "TIMESTAMP_OUT_OF_RANGE");
    }

    [Fact]
    public async Task An_admin_cannot_disable_itself()
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        var error = await _kit.Admin.SetAccountStatusAsync(
            new SetAccountStatusRequest { AccountId = admin.AccountId, Status = AccountStatus.Disabled, Reason = "leaving" }, admin.Options())
            .FailsWith(StatusCode.FailedPrecondition);

        error.Reason.Should().Be("LAST_ADMIN");
        await _kit.Admin.ListAccountsAsync(new ListAccountsRequest(), admin.Options());
    }

    [Fact]
    public async Task An_admin_may_disable_another_admin_while_it_stays_active()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var other = (await _kit.Admin.CreateStaffAccountAsync(new CreateStaffAccountRequest
        {
            Username = "second.admin",
            Password = "Admin2026second",
            FullName = "Second Admin",
            MobileNumber = "0590000377",
            Roles = { Role.Admin },
        }, admin.Options())).Account;

        var disabled = await _kit.Admin.SetAccountStatusAsync(
            new SetAccountStatusRequest { AccountId = other.AccountId, Status = AccountStatus.Disabled, Reason = "left" }, admin.Options());

        disabled.Account.Status.Should().Be(AccountStatus.Disabled);
    }
}
