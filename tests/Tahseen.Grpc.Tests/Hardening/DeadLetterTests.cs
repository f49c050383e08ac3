using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Admin;
using Tahseen.Application.Common.Events;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Tickets;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>Issue 12, item 1: outbox events whose side effects kept failing are visible to admins and can be retried.</summary>
public sealed class DeadLetterTests(BrokenGatewayFactory fixture) : IClassFixture<BrokenGatewayFactory>
{
    private readonly TicketKit _kit = new(fixture.Factory);

    [Fact]
    public async Task A_dead_letter_is_listed_without_personal_data_and_after_a_retry_its_SMS_goes_out_once()
    {
        var (citizen, eventId) = await DeadLetteredReplyAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        var listed = await _kit.Admin.ListDeadLettersAsync(new ListDeadLettersRequest { PageSize = 100 }, admin.Options());

        var deadLetter = listed.DeadLetters.Should().ContainSingle(d => d.EventId == eventId.ToString()).Subject;
        deadLetter.EventType.Should().Be("TicketMessageAdded");
        deadLetter.AttemptCount.Should().Be(OutboxDispatcher.MaxAttempts);
        deadLetter.LastErrorClass.Should().Be("HttpRequestException");
        deadLetter.DeadLetterTime.Should().NotBeNull();
        listed.ToString().Should().NotContain("966500000001").And.NotContain("Riyadh");

        var retried = await _kit.Admin.RetryDeadLetterAsync(new RetryDeadLetterRequest { EventId = eventId.ToString() }, admin.Options());

        retried.DeadLetter.AttemptCount.Should().Be(0);
        retried.DeadLetter.DeadLetterTime.Should().BeNull();
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(sms + 1);
        (await _kit.Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), admin.Options())).DeadLetters
            .Should().NotContain(d => d.EventId == eventId.ToString());
        var audit = await _kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = RetryDeadLetterCommandHandler.AuditAction, SubjectId = eventId.ToString() }, admin.Options());
        audit.Events.Should().ContainSingle().Which.ActorAccountId.Should().Be(admin.AccountId);
    }

    [Fact]
    public async Task Twenty_overlapping_retries_of_one_dead_letter_queue_it_once()
    {
        var (citizen, eventId) = await DeadLetteredReplyAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        var outcomes = await Overlapping.RunAsync(20, _ =>
            _kit.Admin.RetryDeadLetterAsync(new RetryDeadLetterRequest { EventId = eventId.ToString() }, admin.Options()).ResponseAsync);

        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 1, ["DEAD_LETTER_NOT_FOUND"] = 19 });
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(sms + 1);
        var audit = await _kit.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Action = RetryDeadLetterCommandHandler.AuditAction, SubjectId = eventId.ToString() }, admin.Options());
        audit.Events.Should().ContainSingle();
    }

    [Fact]
    public async Task Retrying_an_unknown_or_healthy_event_is_not_found_and_staff_may_not_list_or_retry()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var staff = await _kit.DeskAsync();
        var healthy = await LatestEventIdAsync();

        (await _kit.Admin.RetryDeadLetterAsync(new RetryDeadLetterRequest { EventId = Guid.NewGuid().ToString() }, admin.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("DEAD_LETTER_NOT_FOUND");
        (await _kit.Admin.RetryDeadLetterAsync(new RetryDeadLetterRequest { EventId = healthy.ToString() }, admin.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("DEAD_LETTER_NOT_FOUND");
        (await _kit.Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), staff.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Admin.RetryDeadLetterAsync(new RetryDeadLetterRequest { EventId = healthy.ToString() }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
    }

    /// <summary>
    /// A staff reply whose notification fails in the gateway until it has been dead-lettered: the
    /// dispatcher is driven by calling it, the clock moved past each back-off.
    /// </summary>
    private async Task<(Caller Citizen, Guid EventId)> DeadLetteredReplyAsync()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        await _kit.Harness.DeliverSmsAsync();
        var ticketId = Guid.Parse(ticket.TicketId);
        fixture.Gateway.Break(ticketId);
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "An answer." }, staff.Options());

        var dispatcher = fixture.Factory.Services.GetRequiredService<OutboxDispatcher>();
        // A pass may find the event held by the host's own dispatcher (woken by the same commit) and skip
        // it, as another replica's would; the bound leaves room for that, and the attempts are counted below.
        for (var pass = 0; pass <= 3 * OutboxDispatcher.MaxAttempts && await ReplyEventAsync(ticketId) is { DeadLetterTime: null }; pass++)
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
            fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        var reply = await ReplyEventAsync(ticketId);
        reply.DeadLetterTime.Should().NotBeNull();
        fixture.Gateway.Repair(ticketId);
        return (citizen, reply.EventId);
    }

    private async Task<OutboxEvent> ReplyEventAsync(Guid ticketId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.StreamId == ticketId && e.EventType == nameof(TicketMessageAdded));
    }

    private async Task<Guid> LatestEventIdAsync()
    {
        var citizen = await _kit.CitizenAsync();
        await _kit.SubmitAsync(citizen);
        await _kit.Harness.DeliverSmsAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.OrderByDescending(e => e.Cursor).Select(e => e.EventId).FirstAsync();
    }
}

/// <summary>The host with an SMS gateway that refuses the notifications of chosen tickets until repaired.</summary>
public sealed class BrokenGatewayFactory : IDisposable
{
    public BrokenGatewayFactory() =>
        Factory = new TahseenApiFactory
        {
            Configure = builder => builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Gateway);
                services.AddScoped<IDomainEventConsumer<TicketMessageAdded>, BrokenGatewayConsumer>();
            }),
        };

    public BrokenGateway Gateway { get; } = new();

    public TahseenApiFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}

public sealed class BrokenGateway
{
    private readonly ConcurrentDictionary<Guid, bool> _broken = new();

    public void Break(Guid ticketId) => _broken[ticketId] = true;

    public void Repair(Guid ticketId) => _broken.TryRemove(ticketId, out _);

    public bool IsBroken(Guid ticketId) => _broken.ContainsKey(ticketId);
}

/// <summary>Fails the way a gateway adapter does, with an error message that quotes the mobile it was sending to.</summary>
public sealed class BrokenGatewayConsumer(BrokenGateway gateway) : IDomainEventConsumer<TicketMessageAdded>
{
    public Task HandleAsync(TicketMessageAdded domainEvent, CancellationToken cancellationToken) =>
        gateway.IsBroken(domainEvent.TicketId)
            ? throw new HttpRequestException("gateway refused +966500000001 (Riyadh)")
            : Task.CompletedTask;
}
