using System.Text;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Grpc.Tests.Foundation;

/// <summary>A command commits once or not at all: a failure after its first write leaves no trace.</summary>
public sealed class UnitOfWorkTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    public static TheoryData<string> MultiWriteCommands => new()
    {
        "SubmitTicket", "AssignTicket", "ReplyToTicket", "RequestInformation", "ResolveTicket", "RejectTicket",
        "AddInternalNote", "AddTicketMessage", "WithdrawTicket", "RefreshToken", "Login", "SetAccountStatus", "CreateStaffAccount",
        "CreateServiceAccount",
    };

    [Theory]
    [MemberData(nameof(MultiWriteCommands))]
    public async Task A_failure_after_the_first_write_commits_nothing(string command)
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var ticket = await _kit.SubmitAsync(citizen);
        if (command == "AddTicketMessage")
        {
            await _kit.Staff.RequestInformationAsync(new RequestInformationRequest { TicketId = ticket.TicketId, Body = "Which office?" }, staff.Options());
        }

        await DrainOutboxesAsync();
        var before = await DatabaseContentAsync();

        var seeded = (await _kit.Harness.Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts[0];
        var call = Send(command, citizen, staff, admin, ticket.TicketId, seeded);

        var error = await call.FailsWith(StatusCode.Internal);
        error.Reason.Should().Be("INTERNAL");
        await DrainOutboxesAsync();
        (await DatabaseContentAsync()).Should().Be(before, $"{command} must roll back its first write");
    }

    [Fact]
    public async Task Without_the_forced_failure_the_same_command_commits()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await DrainOutboxesAsync();
        var before = await DatabaseContentAsync();

        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "We are on it." }, staff.Options());

        (await DatabaseContentAsync()).Should().NotBe(before, "the content comparison must see a committed change");
    }

    private Task Send(string command, Caller citizen, Caller staff, Caller admin, string ticketId, SandboxAccount seeded)
    {
        static CallOptions Broken(Caller caller) => new(new Metadata { caller.Headers[0], { FailAfterFirstWrite.Header, "1" } });
        var brokenAnonymous = new CallOptions(new Metadata { { FailAfterFirstWrite.Header, "1" } });
        return command switch
        {
            "SubmitTicket" => _kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), Broken(citizen)).ResponseAsync,
            "AssignTicket" => _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticketId }, Broken(staff)).ResponseAsync,
            "ReplyToTicket" => _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticketId, Body = "Answer" }, Broken(staff)).ResponseAsync,
            "RequestInformation" => _kit.Staff.RequestInformationAsync(new RequestInformationRequest { TicketId = ticketId, Body = "Which office?" }, Broken(staff)).ResponseAsync,
            "ResolveTicket" => _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticketId, Body = "Done" }, Broken(staff)).ResponseAsync,
            "RejectTicket" => _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = ticketId, Reason = "Out of scope" }, Broken(staff)).ResponseAsync,
            "AddInternalNote" => _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = ticketId, Body = "Note" }, Broken(staff)).ResponseAsync,
            "AddTicketMessage" => _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticketId, Body = "Riyadh" }, Broken(citizen)).ResponseAsync,
            "WithdrawTicket" => _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = ticketId }, Broken(citizen)).ResponseAsync,
            "RefreshToken" => _kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken }, brokenAnonymous).ResponseAsync,
            "Login" => _kit.Identity.LoginAsync(new LoginRequest { Login = seeded.Username, Password = seeded.Password }, brokenAnonymous).ResponseAsync,
            "SetAccountStatus" => _kit.Admin.SetAccountStatusAsync(
                new SetAccountStatusRequest { AccountId = citizen.AccountId, Status = AccountStatus.Disabled, Reason = "Test" }, Broken(admin)).ResponseAsync,
            "CreateStaffAccount" => _kit.Admin.CreateStaffAccountAsync(
                new CreateStaffAccountRequest { Username = "unit.of.work", Password = "Desk2026passwd", FullName = "Unit Of Work", MobileNumber = "0551234567", Roles = { Role.Staff } },
                Broken(admin)).ResponseAsync,
            "CreateServiceAccount" => _kit.Admin.CreateServiceAccountAsync(
                new CreateServiceAccountRequest { Name = "Unit of work", Scopes = { "tickets.read" } }, Broken(admin)).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }

    private async Task DrainOutboxesAsync()
    {
        var events = factory.Services.GetRequiredService<OutboxDispatcher>();
        var sms = factory.Services.GetRequiredService<SmsOutboxDispatcher>();
        while (await events.DispatchPendingAsync(CancellationToken.None) + await sms.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Every row of every table, in a stable order.</summary>
    private async Task<string> DatabaseContentAsync()
    {
        var tables = await factory.Database.TablesAsync();
        await using var connection = await factory.Database.OpenAsync();
        var content = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            content.Append(table).Append(':').AppendJoin('\n', rows).Append('\n');
        }

        return content.ToString();
    }
}
