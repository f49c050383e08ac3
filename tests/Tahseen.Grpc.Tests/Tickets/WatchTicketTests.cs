using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Outbox;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed class WatchTicketTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string NoteText = "Internal: escalate to the Jeddah office.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TicketKit _kit = new(factory);

    private int OpenWatches => factory.Services.GetRequiredService<TicketFeed>().OpenStreamCount;

    [Fact]
    public async Task The_submitter_gets_a_snapshot_then_one_event_per_change_and_the_stream_ends_when_cancelled()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        using var cancel = new CancellationTokenSource();
        using var watch = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen.Options(cancel.Token));

        var snapshot = await NextAsync(watch);
        snapshot.EventType.Should().Be(TicketEventType.Snapshot);
        snapshot.Ticket.Should().BeEquivalentTo(ticket);

        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        var assigned = await NextAsync(watch);
        var started = await NextAsync(watch);
        assigned.EventType.Should().Be(TicketEventType.Assigned);
        assigned.Ticket.AssigneeAccountId.Should().Be(staff.AccountId);
        started.EventType.Should().Be(TicketEventType.StatusChanged);
        started.Ticket.Status.Should().Be(TicketStatus.InProgress);

        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = ticket.TicketId, Body = NoteText }, staff.Options());
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "Any news?" }, citizen.Options());
        var message = await NextAsync(watch);
        message.EventType.Should().Be(TicketEventType.MessageAdded, "an internal note is not an event the submitter sees");
        message.Ticket.Messages.Should().ContainSingle().Which.Body.Should().Be("Any news?");
        message.Ticket.ToString().Should().NotContain(NoteText);

        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Collect it on Sunday." }, staff.Options());
        (await NextAsync(watch)).EventType.Should().Be(TicketEventType.MessageAdded);
        var resolved = await NextAsync(watch);
        resolved.EventType.Should().Be(TicketEventType.StatusChanged);
        resolved.Ticket.Status.Should().Be(TicketStatus.Resolved);
        resolved.CreateTime.Should().NotBeNull();

        OpenWatches.Should().BePositive();
        await cancel.CancelAsync();
        (await FluentActions.Awaiting(() => watch.ResponseStream.MoveNext(CancellationToken.None)).Should().ThrowAsync<RpcException>())
            .Which.StatusCode.Should().Be(StatusCode.Cancelled);
        SpinWait.SpinUntil(() => OpenWatches == 0, Patience).Should().BeTrue("the server lets go of a cancelled watch");
    }

    [Fact]
    public async Task A_late_watcher_starts_from_the_current_state_and_staff_may_watch_any_ticket()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "We are on it." }, staff.Options());

        using var watch = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        var snapshot = await NextAsync(watch);

        snapshot.EventType.Should().Be(TicketEventType.Snapshot);
        snapshot.Ticket.Status.Should().Be(TicketStatus.InProgress);
        snapshot.Ticket.Messages.Should().ContainSingle().Which.Body.Should().Be("We are on it.");
    }

    [Fact]
    public async Task Several_watchers_of_one_ticket_each_get_every_event()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        using var first = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, citizen.Options());
        using var second = _kit.Tickets.WatchTicket(new WatchTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        await NextAsync(first);
        await NextAsync(second);

        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = ticket.TicketId }, citizen.Options());

        (await NextAsync(first)).Ticket.Status.Should().Be(TicketStatus.Withdrawn);
        (await NextAsync(second)).Ticket.Status.Should().Be(TicketStatus.Withdrawn);
    }

    private static async Task<WatchTicketResponse> NextAsync(AsyncServerStreamingCall<WatchTicketResponse> watch)
    {
        using var timeout = new CancellationTokenSource(Patience);
        (await watch.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue("the stream stays open until cancelled");
        return watch.ResponseStream.Current;
    }
}
