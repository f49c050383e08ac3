using System.Globalization;
using System.Text.RegularExpressions;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Hosting;

/// <summary>
/// The ticket counters an operator scrapes from <c>GET /metrics</c>. The meter is one per process and
/// other test classes submit tickets at the same time, so each figure is read before and after and must
/// have grown by at least this test's own tickets.
/// </summary>
public sealed partial class TicketMetricsTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Tickets_submitted_resolved_and_breached_are_counted_by_type()
    {
        var citizen = await _kit.CitizenAsync();
        var onTime = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry));
        var late = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry));
        await _kit.Harness.DeliverSmsAsync();
        var before = await ScrapeAsync();

        var staff = await _kit.DeskAsync();
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Answered, TicketId = onTime.TicketId, Body = "Answered." }, staff.Options());
        factory.Clock.Advance(late.DueTime.ToDateTimeOffset() - factory.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        staff = await _kit.DeskAsync();
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Answered, TicketId = late.TicketId, Body = "Answered late." }, staff.Options());
        await _kit.SubmitAsync(await _kit.CitizenAsync(), TicketKit.NewTicket(TicketType.Inquiry));
        await _kit.Harness.DeliverSmsAsync();
        var after = await ScrapeAsync();

        Grown(before, after, "tahseen_tickets_submitted_total", "inquiry").Should().BeGreaterThanOrEqualTo(1);
        Grown(before, after, "tahseen_tickets_resolved_total", "inquiry").Should().BeGreaterThanOrEqualTo(2);
        Grown(before, after, "tahseen_tickets_breached_total", "inquiry").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_outbox_lag_is_scraped()
    {
        await _kit.Harness.DeliverSmsAsync();

        (await ScrapeAsync()).Should().MatchRegex("(?m)^tahseen_outbox_lag(_events)?(\\{[^}]*\\})? [0-9]");
    }

    private async Task<string> ScrapeAsync()
    {
        using var http = factory.CreateClient();
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    private static double Grown(string before, string after, string name, string type) => Value(after, name, type) - Value(before, name, type);

    private static double Value(string scrape, string name, string type) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains($"type=\"{type}\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("""^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
