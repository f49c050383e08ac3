using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>
/// Every log line of whole flows, from every category (ours, EF Core, ASP.NET Core, gRPC) at Debug,
/// is searched for the personal data and secrets those flows carried.
/// </summary>
public sealed partial class NoPersonalDataInLogsTests
{
    [Fact]
    public async Task Registration_sign_in_a_ticket_answered_and_refusals_leave_no_identifier_code_password_or_token_in_any_log_line()
    {
        var logs = new CapturedLogs();
        using var factory = new TahseenApiFactory
        {
            Configure = builder => builder.ConfigureLogging(logging => logging
                .AddProvider(logs)
                .AddFilter<CapturedLogs>(null, LogLevel.Debug)),
        };
        var kit = new TicketKit(factory);
        var harness = kit.Harness;
        var secrets = new List<string>();

        var (session, account, identity) = await harness.SignedInCitizenAsync();
        secrets.AddRange([identity.NationalId, identity.MobileNumber[^9..], "person@example.sa", Harness.CitizenPassword, session.AccessToken, session.RefreshToken]);
        var citizen = new Caller(account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
        var refreshed = await kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken });
        secrets.AddRange([refreshed.AccessToken, refreshed.RefreshToken]);
        citizen = citizen with { Headers = Harness.Bearer(refreshed.AccessToken), RefreshToken = refreshed.RefreshToken };

        var ticket = await kit.SubmitAsync(citizen);
        var staff = await kit.DeskAsync();
        var admin = await kit.DeskAsync(Role.Admin);
        var desk = (await harness.Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts;
        secrets.AddRange(desk.Select(a => a.Password));
        secrets.AddRange(desk.Select(a => a.MobileNumber[^9..]));
        secrets.AddRange(staff.Headers.Concat(admin.Headers).Select(h => h.Value["Bearer ".Length..]));
        secrets.AddRange([staff.RefreshToken, admin.RefreshToken]);

        await kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        await kit.Staff.RevealSubmitterAsync(new RevealSubmitterRequest { TicketId = ticket.TicketId, Purpose = "Calling back about the card" }, staff.Options());
        await kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "Please visit any office." }, staff.Options());
        await kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Replacement issued." }, staff.Options());
        await kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticket.TicketId }, citizen.Options());
        await kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), admin.Options());
        await harness.DeliverSmsAsync();

        // Refusals, each carrying personal data or a secret in its request.
        const string wrongPassword = "Wrong2026passwd";
        secrets.Add(wrongPassword);
        await kit.Identity.LoginAsync(new LoginRequest { Login = identity.NationalId, Password = wrongPassword }).FailsWith(StatusCode.Unauthenticated);
        var challenge = await kit.Identity.LoginAsync(new LoginRequest { Login = identity.NationalId, Password = Harness.CitizenPassword });
        await kit.Identity.VerifyLoginAsync(new VerifyLoginRequest { ChallengeId = challenge.ChallengeId, Otp = "000000" }).FailsWith(StatusCode.FailedPrecondition);
        await kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = session.RefreshToken }).FailsWith(StatusCode.Unauthenticated);
        var (captchaId, answer) = await harness.SolvedCaptchaAsync();
        await kit.Identity.StartRegistrationAsync(new StartRegistrationRequest
        {
            NationalId = identity.NationalId, MobileNumber = "05" + identity.MobileNumber[^8..], Email = "person@example.sa", CaptchaId = captchaId, CaptchaAnswer = answer,
        }).ResponseAsync.ContinueWith(_ => { }, TaskScheduler.Default);
        var (resetCaptcha, resetAnswer) = await harness.SolvedCaptchaAsync();
        await kit.Identity.StartPasswordResetAsync(new StartPasswordResetRequest
        {
            NationalId = identity.NationalId, MobileNumber = identity.MobileNumber, CaptchaId = resetCaptcha, CaptchaAnswer = resetAnswer,
        });
        await kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticket.TicketId }, new CallOptions(Harness.Bearer("not.a.token"))).FailsWith(StatusCode.Unauthenticated);
        await harness.DeliverSmsAsync();

        foreach (var mobile in desk.Select(a => a.MobileNumber).Append(identity.MobileNumber))
        {
            var inbox = await harness.Sandbox.ListSmsMessagesAsync(new ListSmsMessagesRequest { MobileNumber = mobile, PageSize = 1000 });
            secrets.AddRange(inbox.Messages.Select(m => SixDigits().Match(m.Body)).Where(m => m.Success).Select(m => m.Value));
        }

        var lines = logs.Lines.ToList();
        lines.Select(l => l.Category).Should().Contain(c => c.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal))
            .And.Contain(c => c.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .And.Contain(c => c.StartsWith("Grpc", StringComparison.Ordinal))
            .And.Contain(c => c.StartsWith("Tahseen", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Level == LogLevel.Debug, "the capture runs at Debug level");
        secrets.Should().Contain(s => s.Length == 6, "the codes sent were found");
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct())
        {
            var pattern = new Regex($@"(?<![0-9A-Za-z]){Regex.Escape(secret)}(?![0-9A-Za-z])", RegexOptions.CultureInvariant);
            lines.Where(l => pattern.IsMatch(l.Text)).Select(l => $"{l.Category}: {l.Text}").Should().BeEmpty("no log line may carry {0}", Describe(secret));
        }
    }

    private static string Describe(string secret) => secret.Length > 12 ? $"a secret starting {secret[..4]}…" : $"a value of {secret.Length} characters";

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    public sealed record CapturedLine(string Category, LogLevel Level, string Text);

    /// <summary>Keeps every line with its message, structured values, exception and scopes, as a log shipper would see them.</summary>
    public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<CapturedLine> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IEnumerable<CapturedLine> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        text.Append(" | ").Append(key).Append('=').Append(value);
                    }
                }

                if (exception is not null)
                {
                    text.Append(" | ").Append(exception);
                }

                owner._scopes.ForEachScope((scope, builder) => builder.Append(" | scope ").Append(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : scope), text);
                owner._lines.Enqueue(new CapturedLine(category, logLevel, text.ToString()));
            }
        }
    }
}
