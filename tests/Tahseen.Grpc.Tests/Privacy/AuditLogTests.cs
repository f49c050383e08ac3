using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

public sealed class AuditLogTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Ticket_moves_account_changes_and_security_events_are_audited_newest_first_by_id_only()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var admin = await _kit.DeskAsync(Role.Admin);

        var forTicket = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { SubjectId = ticket.TicketId }, admin.Options());
        var forCitizen = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { SubjectId = citizen.AccountId }, admin.Options());

        forTicket.Events.Should().ContainSingle(e => e.Action == "TICKET_SUBMITTED" && e.ActorAccountId == citizen.AccountId);
        forCitizen.Events.Select(e => e.Action).Should().Contain(["ACCOUNT_CREATED", "SECURITY_REGISTERED", "SECURITY_LOGIN_SUCCEEDED"]);
        forCitizen.Events.Select(e => e.Sequence).Should().BeInDescendingOrder();
        forCitizen.Events.Should().OnlyContain(e => e.Hash.Length == 64 && e.PreviousHash.Length == 64);
        var mobileDigits = citizen.MobileNumber[4..];
        forCitizen.Events.Should().NotContain(e => e.Detail.Contains(mobileDigits));
    }

    [Fact]
    public async Task Pages_of_the_log_follow_one_another_without_overlap()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        for (var i = 0; i < 3; i++)
        {
            await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = $"تصنيف صفحات {i}", NameEn = $"Paging category {i}" }, admin.Options());
        }

        var first = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Action = "CATEGORY_CREATED", PageSize = 2 }, admin.Options());
        var second = await _kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = "CATEGORY_CREATED", PageSize = 2, PageToken = first.NextPageToken }, admin.Options());

        first.Events.Should().HaveCount(2);
        first.NextPageToken.Should().NotBeEmpty();
        second.Events.Should().NotBeEmpty();
        second.Events[0].Sequence.Should().BeLessThan(first.Events[^1].Sequence);
    }

    [Fact]
    public async Task Overlapping_writers_extend_one_chain_without_forking_it()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        using var barrier = new Barrier(25);
        var calls = Enumerable.Range(0, 25).Select(i => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await _kit.Admin.CreateCategoryAsync(
                new CreateCategoryRequest { NameAr = $"تصنيف متزامن {i}", NameEn = $"Concurrent category {i}" }, admin.Options());
        })).ToList();

        var created = await Task.WhenAll(calls);
        var events = await AllEventsAsync(admin);

        created.Should().HaveCount(25);
        events.Count(e => e.Action == "CATEGORY_CREATED" && created.Any(c => c.Category.CategoryId == e.SubjectId)).Should().Be(25);
        var sequences = events.Select(e => e.Sequence).OrderBy(s => s).ToList();
        sequences.Should().Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), "the sequence has no gap and no fork");
        (await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options())).Intact.Should().BeTrue();
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
