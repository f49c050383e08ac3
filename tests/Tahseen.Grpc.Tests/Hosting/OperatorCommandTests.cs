using Grpc.Core;
using Microsoft.Data.Sqlite;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hosting;

/// <summary>The operator's commands: <c>create-admin</c> and <c>backup</c>, as the built DLL runs them.</summary>
public sealed class OperatorCommandTests
{
    private const string BackupIsSqlite =
        "the backup command copies the SQLite file while it is written; a PostgreSQL deployment backs up with pg_dump or its managed service's snapshots";

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_the_admin_signs_in()
    {
        await using var database = TestDatabase.Create("tahseen-cmd");
        var settings = Development(database);

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(
            settings, ["create-admin", "--username", "admin.first", "--mobile", "0590000777", "--full-name", "المدير الأول"], "Riyadh2026first");

        exitCode.Should().Be(0, string.Join(Environment.NewLine, lines));
        lines.Should().Contain(l => l.Contains("Administrator admin.first created", StringComparison.Ordinal));
        await using var factory = new TahseenApiFactory { Database = database };
        var harness = new Harness(factory);
        var session = await harness.SignInAsync("admin.first", "Riyadh2026first", "+966590000777");
        session.Account.Roles.Should().Contain([Role.Admin, Role.Staff]);
        var staff = await harness.Admin.ListAccountsAsync(new ListAccountsRequest { PageSize = 100 }, Harness.Bearer(session.AccessToken));
        staff.Accounts.Should().Contain(a => a.Username == "admin.first");
        (await database.CountAsync(
                "SELECT COUNT(*) FROM security_events WHERE \"Kind\" = 13 AND lower(CAST(\"AccountId\" AS TEXT)) = lower(@id)", ("id", session.Account.AccountId)))
            .Should().Be(1, "the console's creation of an admin is in the security log");
    }

    [Fact]
    public async Task Create_admin_applies_the_password_policy_and_names_every_broken_rule()
    {
        await using var database = TestDatabase.Create("tahseen-cmd");
        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(
            Development(database), ["create-admin", "--username", "admin.weak", "--mobile", "0590000778"], "aaaa");

        exitCode.Should().Be(1);
        lines.Should().Contain(l => l.Contains("create-admin refused", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("password:", StringComparison.Ordinal));
    }

    [SqliteOnlyFact(BackupIsSqlite)]
    public async Task A_backup_taken_while_tickets_arrive_restores_every_ticket_acknowledged_before_it()
    {
        await using var live = new TahseenApiFactory();
        var kit = new TicketKit(live);
        var citizen = await kit.CitizenAsync();
        var acknowledged = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            acknowledged.Add((await kit.SubmitAsync(citizen)).TicketId);
        }

        var backupPath = Path.Combine(Path.GetTempPath(), $"tahseen-backup-{Guid.NewGuid():N}.db");
        using var start = new Barrier(21);
        var writers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return (await kit.SubmitAsync(citizen)).TicketId;
        })).ToList();
        var backup = Task.Run(async () =>
        {
            start.SignalAndWait();
            await live.Services.BackupToAsync(backupPath);
        });
        await Task.WhenAll(writers.Cast<Task>().Append(backup));

        await using var restored = new TahseenApiFactory { DatabasePath = backupPath };
        var tickets = new TicketService.TicketServiceClient(restored.CreateChannel());
        foreach (var ticketId in acknowledged)
        {
            var ticket = await tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticketId }, citizen.Options());
            ticket.Ticket.TicketId.Should().Be(ticketId);
        }

        await using var copy = new SqliteConnection($"Data Source={backupPath}");
        await copy.OpenAsync();
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        (await check.ExecuteScalarAsync()).Should().Be("ok");
    }

    [SqliteOnlyFact(BackupIsSqlite)]
    public async Task The_backup_command_writes_a_copy_and_never_overwrites_one()
    {
        await using var database = TestDatabase.CreateSqlite("tahseen-cmd");
        await using (var service = new TahseenApiFactory { Database = database })
        {
            _ = service.Server;
        }

        var target = Path.Combine(Path.GetTempPath(), $"tahseen-backup-{Guid.NewGuid():N}.db");
        var first = await ServiceProcess.RunToEndAsync(Development(database), ["backup", "--to", target]);
        var second = await ServiceProcess.RunToEndAsync(Development(database), ["backup", "--to", target]);

        first.ExitCode.Should().Be(0, string.Join(Environment.NewLine, first.Lines));
        File.Exists(target).Should().BeTrue();
        second.ExitCode.Should().Be(1);
        second.Lines.Should().Contain(l => l.Contains("already exists", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Development(TestDatabase database) =>
        new(database.ServerEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
}
