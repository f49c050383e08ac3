using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>Edits the audit table behind the service's back; its own database, so no other test sees the damage.</summary>
public sealed class AuditChainTamperTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string UnreadableRowsNeedSqlite =
        "it writes a malformed time and actor id into audit rows; PostgreSQL's timestamptz and uuid columns refuse them, so no such row can exist there " +
        "(an edited row is named by the chain check on both providers: SubmitterRevealTests, AuditRetentionTests)";

    private readonly TicketKit _kit = new(factory);

    [SqliteOnlyFact(UnreadableRowsNeedSqlite)]
    public async Task A_direct_edit_of_one_row_is_named_by_the_chain_check_and_an_unreadable_row_is_a_break_not_an_error()
    {
        var citizen = await _kit.CitizenAsync();
        await _kit.SubmitAsync(citizen);
        var admin = await _kit.DeskAsync(Role.Admin);
        var intact = await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        intact.Intact.Should().BeTrue();
        intact.FirstBrokenSequence.Should().Be(0);
        intact.CheckedCount.Should().BeGreaterThan(3);

        var events = await AllEventsAsync(admin);
        var target = events.OrderBy(e => e.Sequence).Skip(2).First();
        await ExecuteAsync($"UPDATE audit_events SET \"Detail\" = 'nothing happened' WHERE \"Sequence\" = {target.Sequence}");

        var edited = await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        edited.Intact.Should().BeFalse();
        edited.FirstBrokenSequence.Should().Be(target.Sequence);
        edited.CheckedCount.Should().Be(target.Sequence);

        var earlier = events.OrderBy(e => e.Sequence).First();
        await ExecuteAsync($"UPDATE audit_events SET \"Time\" = 'not a time' WHERE \"Sequence\" = {earlier.Sequence}");

        var unreadable = await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        unreadable.Intact.Should().BeFalse();
        unreadable.FirstBrokenSequence.Should().Be(earlier.Sequence);
    }

    [SqliteOnlyFact(UnreadableRowsNeedSqlite)]
    public async Task The_log_lists_a_row_whose_stored_values_cannot_be_read_as_unreadable_never_INTERNAL()
    {
        using var own = new TahseenApiFactory();
        var kit = new TicketKit(own);
        var citizen = await kit.CitizenAsync();
        var ticket = await kit.SubmitAsync(citizen);
        var admin = await kit.DeskAsync(Role.Admin);
        var events = await AuditRetentionTests.AllEventsAsync(kit, admin);
        var badTime = events.Single(e => e.Action == "TICKET_SUBMITTED");
        var badActor = events.OrderBy(e => e.Sequence).First();
        await AuditRetentionTests.ExecuteAsync(own, $"UPDATE audit_events SET \"Time\" = 'not a time' WHERE \"Sequence\" = {badTime.Sequence}");
        await AuditRetentionTests.ExecuteAsync(own, $"UPDATE audit_events SET \"ActorAccountId\" = 'nobody' WHERE \"Sequence\" = {badActor.Sequence}");

        var listed = await AuditRetentionTests.AllEventsAsync(kit, admin);
        var bySubject = await kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { SubjectId = ticket.TicketId }, admin.Options());

        listed.Should().HaveCount(events.Count);
        listed.Where(e => e.Unreadable).Select(e => e.Sequence).Should().BeEquivalentTo([badTime.Sequence, badActor.Sequence]);
        var unreadableTime = listed.Single(e => e.Sequence == badTime.Sequence);
        unreadableTime.CreateTime.Should().BeNull();
        unreadableTime.Action.Should().Be("TICKET_SUBMITTED", "what can be read is still shown");
        listed.Where(e => !e.Unreadable).Should().OnlyContain(e => e.CreateTime != null && e.Action.Length > 0);
        bySubject.Events.Should().ContainSingle(e => e.Sequence == badTime.Sequence && e.Unreadable);
        var report = await kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        report.FirstBrokenSequence.Should().Be(Math.Min(badTime.Sequence, badActor.Sequence));
    }

    private async Task<List<AuditEvent>> AllEventsAsync(Caller admin)
    {
        var all = new List<AuditEvent>();
        var token = string.Empty;
        do
        {
            var page = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 100, PageToken = token }, admin.Options());
            all.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }

    private async Task ExecuteAsync(string sql)
    {
        (await factory.Database.ExecuteAsync(sql)).Should().Be(1);
    }
}
