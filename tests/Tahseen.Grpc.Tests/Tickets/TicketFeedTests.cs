using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>The outbox read by cursor: a reader that resumes from its last cursor gets exactly what it missed, in order.</summary>
public sealed class TicketFeedTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private ITicketFeed Feed => factory.Services.GetRequiredService<ITicketFeed>();

    [Fact]
    public async Task A_reader_resuming_from_its_last_cursor_gets_exactly_the_missed_events_in_order()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var first = await _kit.SubmitAsync(citizen);
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = first.TicketId }, staff.Options());

        var seen = await ReadAllAsync(0);
        seen.Should().NotBeEmpty();
        var lastCursor = seen[^1].Cursor;

        var second = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = first.TicketId, Body = "We are on it." }, staff.Options());
        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = first.TicketId, Body = "Staff only." }, staff.Options());
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = second.TicketId }, citizen.Options());

        var missed = await ReadAllAsync(lastCursor);

        missed.Select(e => (e.Ticket.TicketId.ToString(), e.Kind)).Should().Equal(
            (second.TicketId, TicketEventKind.Submitted),
            (first.TicketId, TicketEventKind.MessageAdded),
            (second.TicketId, TicketEventKind.StatusChanged));
        missed.Select(e => e.Cursor).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.OnlyContain(c => c > lastCursor);
        missed[^1].Ticket.Status.Should().Be(Domain.Tickets.TicketStatus.Withdrawn, "each event carries the ticket as its change left it");
        (await ReadAllAsync(missed[^1].Cursor)).Should().BeEmpty("nothing comes twice");
    }

    private async Task<List<TicketStreamEvent>> ReadAllAsync(long afterCursor)
    {
        var all = new List<TicketStreamEvent>();
        while (true)
        {
            var batch = await Feed.ReadAsync(all.Count == 0 ? afterCursor : all[^1].Cursor, null, 2, CancellationToken.None);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }
}
