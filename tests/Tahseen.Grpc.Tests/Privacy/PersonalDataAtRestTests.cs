using System.Text;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

public sealed class PersonalDataAtRestTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task After_registration_login_and_a_ticket_the_database_files_hold_no_identity_contact_or_code()
    {
        var harness = _kit.Harness;
        var identity = await harness.UnusedIdentityAsync();
        var email = $"privacy.{Guid.NewGuid():N}@example.sa";
        var codes = new List<string>();

        var (captchaId, answer) = await harness.SolvedCaptchaAsync();
        var started = await harness.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId,
            MobileNumber = identity.MobileNumber,
            Email = email,
            CaptchaId = captchaId,
            CaptchaAnswer = answer,
        });
        codes.Add(await harness.NextCodeAsync(identity.MobileNumber, 0));
        var terms = await harness.Identity.GetTermsAsync(new GetTermsRequest());
        var username = "privacy" + Guid.NewGuid().ToString("N")[..8];
        await harness.Identity.CompleteRegistrationAsync(new CompleteRegistrationRequest
        {
            RegistrationId = started.RegistrationId,
            Otp = codes[0],
            Username = username,
            Password = Harness.CitizenPassword,
            AcceptTerms = true,
            TermsVersion = terms.Version,
        });

        // Sign in by national ID, so the identity also travels through the login lookup.
        var challenge = await harness.Identity.LoginAsync(new LoginRequest { Login = identity.NationalId, Password = Harness.CitizenPassword });
        codes.Add(await harness.NextCodeAsync(identity.MobileNumber, 1));
        var session = await harness.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = codes[1] });
        var citizen = new Caller(session.Account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
        await _kit.SubmitAsync(citizen, TicketKit.NewTicket());

        var files = await factory.Database.StoredBytesAsync();
        if (factory.Database.Provider == TestProvider.Sqlite)
        {
            files.Should().Contain(f => f.Name.EndsWith("-wal", StringComparison.Ordinal), "the WAL is read too");
        }

        var localMobile = identity.MobileNumber[^9..];
        foreach (var (name, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            text.Should().NotContain(identity.NationalId, $"{name} must not hold the national ID");
            text.Should().NotContain(localMobile, $"{name} must not hold the mobile digits");
            text.Should().NotContain(email, $"{name} must not hold the e-mail");
            text.Should().NotContain(identity.FullName, $"{name} must not hold the name");
            foreach (var code in codes)
            {
                ContainsStandalone(text, code).Should().BeFalse($"{name} must not hold the code {code}");
            }
        }
    }

    [Fact]
    public async Task The_sandbox_inbox_still_shows_messages_in_clear_and_finds_them_by_mobile()
    {
        var citizen = await _kit.CitizenAsync();

        var messages = await _kit.Harness.Sandbox.ListSmsMessagesAsync(new Contracts.Sandbox.V1.ListSmsMessagesRequest
        {
            MobileNumber = "0" + citizen.MobileNumber[4..],
        });

        messages.Messages.Should().HaveCount(2).And.OnlyContain(m => m.MobileNumber == citizen.MobileNumber && m.Body.Contains("تحسين"));
    }

    [Fact]
    public async Task A_sent_code_message_keeps_no_body_in_the_outbox()
    {
        var citizen = await _kit.CitizenAsync();

        var messages = await factory.Database.CountAsync("SELECT COUNT(*) FROM sms_outbox");
        var sentWithBody = await factory.Database.CountAsync("SELECT COUNT(*) FROM sms_outbox WHERE \"SentTime\" IS NOT NULL AND \"Body\" <> ''");

        citizen.Should().NotBeNull();
        messages.Should().BeGreaterThanOrEqualTo(2, "the citizen's registration and sign-in codes went through the outbox");
        sentWithBody.Should().Be(0, "a sent message's body (its code) is wiped in the same save that marks it sent");
    }

    /// <summary>
    /// A leaked code would sit in an SMS text between a space and a full stop. Six digits that are part of a
    /// longer run of hex (a hash, a GUID) are chance, not a leak.
    /// </summary>
    private static bool ContainsStandalone(string text, string code)
    {
        for (var at = text.IndexOf(code, StringComparison.Ordinal); at >= 0; at = text.IndexOf(code, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + code.Length >= text.Length ? ' ' : text[at + code.Length];
            if (!Uri.IsHexDigit(before) && !Uri.IsHexDigit(after))
            {
                return true;
            }
        }

        return false;
    }
}
