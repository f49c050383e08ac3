using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>StaffTicketService.MergeTicket: a duplicate closes into another open ticket of the same submitter's.</summary>
public sealed class MergeTicketTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_merge_closes_the_duplicate_copies_its_thread_into_the_target_records_both_histories_and_sends_one_SMS()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var target = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(subject: "Lost national ID card"));
        var duplicate = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(subject: "My ID card is lost"));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _kit.Staff.RequestInformationAsync(new RequestInformationRequest { TicketId = duplicate.TicketId, Body = "Where was it lost?" }, staff.Options());
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = duplicate.TicketId, Body = "In Jeddah." }, citizen.Options());
        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = duplicate.TicketId, Body = "Staff only." }, staff.Options());
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        var merge = new MergeTicketRequest { TicketId = duplicate.TicketId, IntoTicketId = target.TicketId, RequestId = Guid.NewGuid().ToString() };
        var merged = (await _kit.Staff.MergeTicketAsync(merge, staff.Options())).Ticket;
        var retried = (await _kit.Staff.MergeTicketAsync(merge, staff.Options())).Ticket;

        merged.Should().Match<Ticket>(t =>
            t.Status == TicketStatus.Closed && t.ClosureReason == ClosureReason.MergedDuplicate && t.MergedIntoTicketId == target.TicketId);
        retried.Should().BeEquivalentTo(merged);
        var duplicateView = await DeskViewAsync(staff, duplicate.TicketId);
        duplicateView.Ticket.MergedIntoTicketId.Should().Be(target.TicketId);
        duplicateView.Ticket.Messages.Select(m => m.Body).Should().Equal("Where was it lost?", "In Jeddah.");
        duplicateView.History.Last().Should().Match<TicketHistoryEntry>(h =>
            h.Action == "MERGED" && h.ActorAccountId == staff.AccountId && h.ToStatus == TicketStatus.Closed);
        duplicateView.History.Count(h => h.Action == "MERGED").Should().Be(1);

        // The target's thread, as the citizen reads it: the duplicate's description and public messages,
        // marked with its reference; never its internal note.
        var seen = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = target.TicketId }, citizen.Options())).Ticket;
        seen.Status.Should().Be(TicketStatus.Submitted);
        seen.Messages.Select(m => (m.Body, m.MergedFromReferenceNumber, m.AuthorRole)).Should().Equal(
            (duplicate.Description, duplicate.ReferenceNumber, Role.Citizen),
            ("Where was it lost?", duplicate.ReferenceNumber, Role.Staff),
            ("In Jeddah.", duplicate.ReferenceNumber, Role.Citizen));
        var targetView = await DeskViewAsync(staff, target.TicketId);
        targetView.InternalNotes.Should().BeEmpty();
        targetView.History.Count(h => h.Action == "MERGE_RECEIVED").Should().Be(1);

        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(sms + 1);
        (await _kit.Harness.NextSmsAsync(citizen.MobileNumber, sms)).Should()
            .Contain(duplicate.ReferenceNumber).And.Contain(target.ReferenceNumber);
    }

    [Fact]
    public async Task Another_submitter_s_ticket_itself_and_closed_or_merged_tickets_are_refused_and_nothing_changes()
    {
        var citizen = await _kit.CitizenAsync();
        var other = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        var someoneElses = await _kit.SubmitAsync(other);
        var withdrawn = await _kit.SubmitAsync(citizen);
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId }, citizen.Options());
        var mergedAway = await _kit.SubmitAsync(citizen);
        var keeper = await _kit.SubmitAsync(citizen);
        await MergeAsync(staff, mergedAway.TicketId, keeper.TicketId);

        (await MergeCall(staff, ticket.TicketId, someoneElses.TicketId).FailsWith(StatusCode.FailedPrecondition))
            .Reason.Should().Be("MERGE_DIFFERENT_SUBMITTER");
        var self = await MergeCall(staff, ticket.TicketId, ticket.TicketId).FailsWith(StatusCode.InvalidArgument);
        self.Reason.Should().Be("MERGE_INTO_SELF");
        self.BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("into_ticket_id");
        (await MergeCall(staff, ticket.TicketId, withdrawn.TicketId).FailsWith(StatusCode.FailedPrecondition))
            .Reason.Should().Be("MERGE_TARGET_CLOSED");
        (await MergeCall(staff, ticket.TicketId, mergedAway.TicketId).FailsWith(StatusCode.FailedPrecondition))
            .Reason.Should().Be("MERGE_TARGET_CLOSED");
        (await MergeCall(staff, withdrawn.TicketId, ticket.TicketId).FailsWith(StatusCode.FailedPrecondition))
            .Reason.Should().Be("INVALID_TICKET_TRANSITION");
        (await MergeCall(staff, ticket.TicketId, Guid.NewGuid().ToString()).FailsWith(StatusCode.NotFound))
            .Reason.Should().Be("TICKET_NOT_FOUND");

        var unchanged = await DeskViewAsync(staff, ticket.TicketId);
        unchanged.Ticket.Status.Should().Be(TicketStatus.Submitted);
        unchanged.History.Should().ContainSingle();
        (await DeskViewAsync(staff, someoneElses.TicketId)).Ticket.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_merges_of_one_ticket_into_different_targets_at_once_exactly_one_wins()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var duplicate = await _kit.SubmitAsync(citizen);
        var first = await _kit.SubmitAsync(citizen);
        var second = await _kit.SubmitAsync(citizen);
        var targets = new[] { first, second };

        var outcomes = await Overlapping.RunAsync(2, i =>
            MergeCall(i == 0 ? staff : admin, duplicate.TicketId, targets[i].TicketId).ResponseAsync);

        // The loser either lost the version check (both read the open ticket) or read it closed already.
        outcomes.Should().ContainSingle(o => o == "OK");
        outcomes.Single(o => o != "OK").Should().BeOneOf("CONCURRENT_UPDATE", "INVALID_TICKET_TRANSITION");
        var merged = await DeskViewAsync(staff, duplicate.TicketId);
        var winner = targets[Array.IndexOf(outcomes, "OK")];
        var loser = targets[1 - Array.IndexOf(outcomes, "OK")];
        merged.Ticket.MergedIntoTicketId.Should().Be(winner.TicketId);
        merged.History.Count(h => h.Action == "MERGED").Should().Be(1);
        (await DeskViewAsync(staff, winner.TicketId)).History.Count(h => h.Action == "MERGE_RECEIVED").Should().Be(1);
        var loserView = await DeskViewAsync(staff, loser.TicketId);
        loserView.History.Should().NotContain(h => h.Action == "MERGE_RECEIVED");
        loserView.Ticket.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_tickets_merged_into_each_other_at_once_never_both_close()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var a = await _kit.SubmitAsync(citizen);
        var b = await _kit.SubmitAsync(citizen);

        var outcomes = await Overlapping.RunAsync(2, i =>
            (i == 0 ? MergeCall(staff, a.TicketId, b.TicketId) : MergeCall(admin, b.TicketId, a.TicketId)).ResponseAsync);

        outcomes.Should().ContainSingle(o => o == "OK");
        outcomes.Single(o => o != "OK").Should().BeOneOf("CONCURRENT_UPDATE", "INVALID_TICKET_TRANSITION", "MERGE_TARGET_CLOSED");
        var statuses = new[] { (await DeskViewAsync(staff, a.TicketId)).Ticket.Status, (await DeskViewAsync(staff, b.TicketId)).Ticket.Status };
        statuses.Count(s => s == TicketStatus.Closed).Should().Be(1);
    }

    private AsyncUnaryCall<MergeTicketResponse> MergeCall(Caller staff, string ticketId, string intoTicketId) =>
        _kit.Staff.MergeTicketAsync(new MergeTicketRequest { TicketId = ticketId, IntoTicketId = intoTicketId }, staff.Options());

    private async Task MergeAsync(Caller staff, string ticketId, string intoTicketId) => await MergeCall(staff, ticketId, intoTicketId);

    private async Task<StaffTicketServiceGetTicketResponse> DeskViewAsync(Caller staff, string ticketId) =>
        await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticketId }, staff.Options());
}
