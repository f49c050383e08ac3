using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Maintenance;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// Issue 12, item 6: a mutating call retried with the same request_id answers as the first did and
/// does nothing twice, through the one idempotency behaviour of the pipeline.
/// </summary>
public sealed class IdempotencyTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task ReplyToTicket_retried_with_the_same_request_id_is_one_message_and_one_SMS()
    {
        var (citizen, staff, ticketId) = await AssignedTicketAsync();
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);
        var events = await OutboxEventCountAsync(ticketId);
        var request = new ReplyToTicketRequest { TicketId = ticketId, Body = "We found your record.", RequestId = Guid.NewGuid().ToString() };

        var first = await _kit.Staff.ReplyToTicketAsync(request, staff.Options());
        var retry = await _kit.Staff.ReplyToTicketAsync(request.Clone(), staff.Options());

        retry.Should().BeEquivalentTo(first);
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(sms + 1);
        (await OutboxEventCountAsync(ticketId)).Should().Be(events + 1);
        var ticket = await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticketId }, citizen.Options());
        ticket.Ticket.Messages.Should().ContainSingle(m => m.Body == "We found your record.");
    }

    [Fact]
    public async Task Twenty_overlapping_retries_run_the_reply_once_and_all_get_its_answer()
    {
        var (citizen, staff, ticketId) = await AssignedTicketAsync();
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);
        var events = await OutboxEventCountAsync(ticketId);
        var request = new ReplyToTicketRequest { TicketId = ticketId, Body = "Answered once.", RequestId = Guid.NewGuid().ToString() };
        var answers = new ReplyToTicketResponse[20];

        var outcomes = await Overlapping.RunAsync(answers.Length, async i =>
            answers[i] = await _kit.Staff.ReplyToTicketAsync(request.Clone(), staff.Options()));

        outcomes.Should().AllBe("OK");
        answers.Select(a => a.ToString()).Distinct().Should().ContainSingle("every caller gets the first answer");
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(sms + 1);
        (await OutboxEventCountAsync(ticketId)).Should().Be(events + 1);
        var desk = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
        desk.Ticket.Messages.Count(m => m.Body == "Answered once.").Should().Be(1);
        desk.History.Count(h => h.Action == "REPLIED").Should().Be(1);
    }

    [Fact]
    public async Task The_same_request_id_with_another_body_or_for_another_method_is_refused_and_changes_nothing()
    {
        var (citizen, staff, ticketId) = await AssignedTicketAsync();
        var requestId = Guid.NewGuid().ToString();
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticketId, Body = "First.", RequestId = requestId }, staff.Options());
        var events = await OutboxEventCountAsync(ticketId);

        var otherBody = await _kit.Staff.ReplyToTicketAsync(
            new ReplyToTicketRequest { TicketId = ticketId, Body = "Second.", RequestId = requestId }, staff.Options()).FailsWith(StatusCode.AlreadyExists);
        var otherMethod = await _kit.Staff.AddInternalNoteAsync(
            new AddInternalNoteRequest { TicketId = ticketId, Body = "First.", RequestId = requestId }, staff.Options()).FailsWith(StatusCode.AlreadyExists);

        otherBody.Reason.Should().Be("REQUEST_ID_REUSED");
        otherMethod.Reason.Should().Be("REQUEST_ID_REUSED");
        (await OutboxEventCountAsync(ticketId)).Should().Be(events);
        var desk = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
        desk.InternalNotes.Should().BeEmpty();
        desk.Ticket.Messages.Should().NotContain(m => m.Body == "Second.");
    }

    [Fact]
    public async Task Request_ids_belong_to_their_caller()
    {
        var (_, staff, ticketId) = await AssignedTicketAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var requestId = Guid.NewGuid().ToString();

        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticketId, Body = "From staff.", RequestId = requestId }, staff.Options());
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticketId, Body = "From the admin.", RequestId = requestId }, admin.Options());

        var desk = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
        desk.Ticket.Messages.Select(m => m.Body).Should().Contain(["From staff.", "From the admin."]);
    }

    [Fact]
    public async Task A_failed_command_keeps_no_answer_so_its_retry_runs_again()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var rate = new RateTicketRequest { TicketId = ticket.TicketId, Score = 4, RequestId = Guid.NewGuid().ToString() };

        (await _kit.Tickets.RateTicketAsync(rate, citizen.Options()).FailsWith(StatusCode.FailedPrecondition))
            .Reason.Should().Be("INVALID_TICKET_TRANSITION");
        (await StoredAnswersAsync(Guid.Parse(citizen.AccountId), Guid.Parse(rate.RequestId))).Should().Be(0);

        var staff = await _kit.DeskAsync();
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = ticket.TicketId, Body = "Done." }, staff.Options());
        var rated = await _kit.Tickets.RateTicketAsync(rate.Clone(), citizen.Options());

        rated.Ticket.Status.Should().Be(TicketStatus.Closed);
        (await StoredAnswersAsync(Guid.Parse(citizen.AccountId), Guid.Parse(rate.RequestId))).Should().Be(1);
    }

    [Fact]
    public async Task A_malformed_request_id_is_a_field_violation_and_an_empty_one_asks_for_no_idempotency()
    {
        var (_, staff, ticketId) = await AssignedTicketAsync();

        var error = await _kit.Staff.AddInternalNoteAsync(
            new AddInternalNoteRequest { TicketId = ticketId, Body = "Note.", RequestId = "retry-1" }, staff.Options()).FailsWith(StatusCode.InvalidArgument);
        error.BadRequest!.FieldViolations.Should().ContainSingle().Which.Should().Match<Google.Rpc.BadRequest.Types.FieldViolation>(v =>
            v.Field == "request_id" && v.Reason == "FIELD_INVALID");

        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = ticketId, Body = "Note." }, staff.Options());
        var twice = await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = ticketId, Body = "Note." }, staff.Options());
        twice.InternalNotes.Should().HaveCount(2, "without a request id every call is a new request");
    }

    [Fact]
    public async Task A_stored_answer_is_sealed_at_rest_and_purged_after_the_retention()
    {
        var (_, staff, ticketId) = await AssignedTicketAsync();
        const string Body = "A reply that names Riyadh and a passport number 1234.";
        var request = new ReplyToTicketRequest { TicketId = ticketId, Body = Body, RequestId = Guid.NewGuid().ToString() };
        var first = await _kit.Staff.ReplyToTicketAsync(request, staff.Options());

        var stored = await RawAnswerAsync(Guid.Parse(request.RequestId));
        stored.Should().NotBeNullOrEmpty().And.NotContain("Riyadh").And.NotContain(ticketId);

        var purger = factory.Services.GetRequiredService<ExpiredRecordsPurger>();
        factory.Clock.Advance(TimeSpan.FromHours(23));
        await purger.PurgeAsync(CancellationToken.None);
        (await RawAnswerAsync(Guid.Parse(request.RequestId))).Should().NotBeNull("the default retention is 24 hours");
        staff = await _kit.DeskAsync();
        (await _kit.Staff.ReplyToTicketAsync(request.Clone(), staff.Options())).Should().BeEquivalentTo(first);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await purger.PurgeAsync(CancellationToken.None);
        (await RawAnswerAsync(Guid.Parse(request.RequestId))).Should().BeNull();
    }

    private async Task<(Caller Citizen, Caller Staff, string TicketId)> AssignedTicketAsync()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        return (citizen, staff, ticket.TicketId);
    }

    private async Task<int> OutboxEventCountAsync(string ticketId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.OutboxEvents.CountAsync(e => e.StreamId == Guid.Parse(ticketId));
    }

    private async Task<int> StoredAnswersAsync(Guid accountId, Guid requestId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        return await db.IdempotentRequests.CountAsync(r => r.AccountId == accountId && r.RequestId == requestId);
    }

    /// <summary>The answer column as the database holds it, past the decrypting converter.</summary>
    private async Task<string?> RawAnswerAsync(Guid requestId)
    {
        return (string?)await factory.Database.ScalarAsync(
            "SELECT \"Answer\" FROM idempotent_requests WHERE upper(CAST(\"RequestId\" AS TEXT)) = upper(@id)", ("id", requestId.ToString()));
    }
}
