using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Audit;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>
/// The retention schedule of the security and audit trails, driven by calling the job with the fake
/// clock moved; each test has its own database because it edits or purges the log.
/// </summary>
public sealed class AuditRetentionTests
{
    [Fact]
    public async Task Purging_the_oldest_lines_keeps_the_chain_intact_from_its_anchor_and_lines_removed_by_hand_still_break_it()
    {
        using var factory = TwelveMonths();
        var kit = new TicketKit(factory);
        var citizen = await kit.CitizenAsync();
        await kit.SubmitAsync(citizen);
        var admin = await kit.DeskAsync(Role.Admin);
        var before = await AllEventsAsync(kit, admin);
        var oldSecurityEvents = await CountAsync(factory, "SELECT COUNT(*) FROM security_events");
        var lastOld = before.Max(e => e.Sequence);

        factory.Clock.Advance(TimeSpan.FromDays(400));
        admin = await kit.DeskAsync(Role.Admin);
        await kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "تصنيف الاحتفاظ", NameEn = "Retention category" }, admin.Options());

        var purged = await factory.Services.GetRequiredService<AuditRetentionJob>().PurgeAsync(CancellationToken.None);

        purged.AuditLines.Should().Be(before.Count);
        purged.AnchorSequence.Should().Be(lastOld);
        purged.SecurityEvents.Should().Be((int)oldSecurityEvents);
        var kept = await AllEventsAsync(kit, admin);
        kept.Min(e => e.Sequence).Should().Be(lastOld + 1);
        kept.Should().OnlyContain(e => e.CreateTime.ToDateTimeOffset() >= factory.Clock.GetUtcNow().AddMonths(-12));
        (await CountAsync(factory, "SELECT COUNT(*) FROM security_events")).Should().BeGreaterThan(0, "this year's sign-in is kept");
        var verified = await kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        verified.Intact.Should().BeTrue();
        verified.CheckedCount.Should().Be(kept.Count);

        var again = await factory.Services.GetRequiredService<AuditRetentionJob>().PurgeAsync(CancellationToken.None);
        again.AuditLines.Should().Be(0);

        await ExecuteAsync(factory, $"DELETE FROM audit_events WHERE \"Sequence\" = {lastOld + 1}");

        var cut = await kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        cut.Intact.Should().BeFalse("the oldest line kept must follow the anchor, so removing it by hand shows");
        cut.FirstBrokenSequence.Should().Be(lastOld + 2);
    }

    [Fact]
    public async Task An_old_stretch_that_was_tampered_with_is_kept_as_evidence_rather_than_purged()
    {
        using var factory = TwelveMonths();
        var kit = new TicketKit(factory);
        await kit.SubmitAsync(await kit.CitizenAsync());
        var admin = await kit.DeskAsync(Role.Admin);
        await ExecuteAsync(factory, "UPDATE audit_events SET \"Detail\" = 'rewritten' WHERE \"Sequence\" = 2");

        factory.Clock.Advance(TimeSpan.FromDays(400));
        var purged = await factory.Services.GetRequiredService<AuditRetentionJob>().PurgeAsync(CancellationToken.None);

        purged.AuditLines.Should().Be(0);
        admin = await kit.DeskAsync(Role.Admin);
        var report = await kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options());
        report.FirstBrokenSequence.Should().Be(2);
    }

    [Fact]
    public async Task Nothing_younger_than_the_configured_period_is_purged()
    {
        using var factory = TwelveMonths();
        var kit = new TicketKit(factory);
        await kit.SubmitAsync(await kit.CitizenAsync());
        var admin = await kit.DeskAsync(Role.Admin);
        var before = await AllEventsAsync(kit, admin);

        factory.Clock.Advance(TimeSpan.FromDays(360));
        var purged = await factory.Services.GetRequiredService<AuditRetentionJob>().PurgeAsync(CancellationToken.None);

        purged.Should().Be(new AuditRetentionResult(0, 0, null));
        admin = await kit.DeskAsync(Role.Admin);
        (await AllEventsAsync(kit, admin)).Select(e => e.Sequence).Should().Contain(before.Select(e => e.Sequence));
    }

    private static TahseenApiFactory TwelveMonths() => new()
    {
        Configure = builder => builder
            .UseSetting("Retention:AuditMonths", "12")
            .UseSetting("Retention:SecurityEventMonths", "12")
            .UseSetting("Retention:PurgeInterval", "00:00:00"),
    };

    internal static async Task<List<AuditEvent>> AllEventsAsync(TicketKit kit, Caller admin)
    {
        var all = new List<AuditEvent>();
        var token = string.Empty;
        do
        {
            var page = await kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 100, PageToken = token }, admin.Options());
            all.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }

    private static async Task<long> CountAsync(TahseenApiFactory factory, string sql)
    {
        return await factory.Database.CountAsync(sql);
    }

    internal static async Task ExecuteAsync(TahseenApiFactory factory, string sql)
    {
        (await factory.Database.ExecuteAsync(sql)).Should().Be(1);
    }
}
