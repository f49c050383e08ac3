using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>The walk-throughs of issue 5: a harness using only the protos and the sandbox.</summary>
public sealed class TicketFlowTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string NoteText = "Caller is known to the Riyadh office; check the old card record.";

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_ticket_goes_from_submission_to_closed_with_an_SMS_at_each_staff_step_and_no_internal_note_reaches_the_citizen()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        var submitted = await _kit.SubmitAsync(citizen);
        submitted.Status.Should().Be(TicketStatus.Submitted);
        submitted.ReferenceNumber.Should().MatchRegex(@"^TH-2026-\d{6}$");
        submitted.SubmitterAccountId.Should().Be(citizen.AccountId);
        var id = submitted.TicketId;

        var assigned = await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = id }, staff.Options());
        assigned.Ticket.Status.Should().Be(TicketStatus.InProgress);
        assigned.Ticket.AssigneeAccountId.Should().Be(staff.AccountId);
        assigned.Ticket.AssigneeDisplayName.Should().NotBeEmpty();

        var noted = await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = id, Body = NoteText }, staff.Options());
        noted.InternalNotes.Should().ContainSingle().Which.Should().Match<InternalNote>(n =>
            n.Body == NoteText && n.AuthorAccountId == staff.AccountId && n.AuthorDisplayName.Length > 0);
        await CitizenSeesNoNote(citizen, id);

        var asked = await _kit.Staff.RequestInformationAsync(
            new RequestInformationRequest { TicketId = id, Body = "Which city were you in when the card was lost?" }, staff.Options());
        asked.Ticket.Status.Should().Be(TicketStatus.WaitingForCitizen);
        await ExpectSms(citizen, ++sms, submitted.ReferenceNumber);

        var answered = await _kit.Tickets.AddTicketMessageAsync(
            new AddTicketMessageRequest { TicketId = id, Body = "In Jeddah." }, citizen.Options());
        answered.Ticket.Status.Should().Be(TicketStatus.InProgress);

        var replied = await _kit.Staff.ReplyToTicketAsync(
            new ReplyToTicketRequest { TicketId = id, Body = "Thank you, we found your record." }, staff.Options());
        replied.Ticket.Status.Should().Be(TicketStatus.InProgress);
        await ExpectSms(citizen, ++sms, submitted.ReferenceNumber);

        var resolved = await _kit.Staff.ResolveTicketAsync(
            new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = id, Body = "Book a replacement appointment on Absher." }, staff.Options());
        resolved.Ticket.Status.Should().Be(TicketStatus.Resolved);
        await ExpectSms(citizen, ++sms, submitted.ReferenceNumber);
        await CitizenSeesNoNote(citizen, id);

        var rated = await _kit.Tickets.RateTicketAsync(
            new RateTicketRequest { TicketId = id, Score = 5, Comment = "Quick and clear." }, citizen.Options());
        rated.Ticket.Status.Should().Be(TicketStatus.Closed);
        rated.Ticket.Rating.Should().Match<Rating>(r => r.Score == 5 && r.Comment == "Quick and clear.");
        (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = id }, citizen.Options())).Ticket.Should().BeEquivalentTo(rated.Ticket);

        rated.Ticket.Messages.Select(m => (m.AuthorRole, m.Body)).Should().Equal(
            (Role.Staff, "Which city were you in when the card was lost?"),
            (Role.Citizen, "In Jeddah."),
            (Role.Staff, "Thank you, we found your record."),
            (Role.Staff, "Book a replacement appointment on Absher."));

        var desk = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = id }, staff.Options());
        desk.InternalNotes.Should().ContainSingle().Which.Body.Should().Be(NoteText);
        desk.History.Select(h => h.Action).Should().Equal(
            "SUBMITTED", "ASSIGNED", "NOTE_ADDED", "INFORMATION_REQUESTED", "PAUSED", "RESUMED", "CITIZEN_REPLIED", "REPLIED", "RESOLVED", "RATED");
        desk.History.Should().Match<IEnumerable<TicketHistoryEntry>>(h =>
            h.First().FromStatus == TicketStatus.Unspecified && h.First().ActorRole == Role.Citizen
            && h.Last().FromStatus == TicketStatus.Resolved && h.Last().ToStatus == TicketStatus.Closed);
        desk.History.Single(h => h.Action == "NOTE_ADDED").Should().Match<TicketHistoryEntry>(h =>
            h.ActorAccountId == staff.AccountId && h.ActorRole == Role.Staff && h.FromStatus == h.ToStatus);
    }

    [Fact]
    public async Task A_submitter_may_withdraw_a_ticket_before_it_is_resolved_but_not_after()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var open = await _kit.SubmitAsync(citizen);
        var resolved = await _kit.SubmitAsync(citizen);
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = resolved.TicketId, Body = "Done." }, staff.Options());

        var withdrawn = await _kit.Tickets.WithdrawTicketAsync(
            new WithdrawTicketRequest { TicketId = open.TicketId, Reason = "I found my card." }, citizen.Options());

        withdrawn.Ticket.Status.Should().Be(TicketStatus.Withdrawn);
        (await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = resolved.TicketId }, citizen.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("INVALID_TICKET_TRANSITION");
        (await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = open.TicketId, Body = "Hello?" }, staff.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("INVALID_TICKET_TRANSITION");
    }

    [Fact]
    public async Task Staff_reject_a_ticket_with_a_reason_the_submitter_sees_and_is_told_of_by_SMS()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var sms = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);
        var ticket = await _kit.SubmitAsync(citizen);

        var missingReason = await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = ticket.TicketId, Reason = "  " }, staff.Options())
            .FailsWith(StatusCode.InvalidArgument);
        missingReason.BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("reason");

        var rejected = await _kit.Staff.RejectTicketAsync(
            new RejectTicketRequest { TicketId = ticket.TicketId, Reason = "A duplicate of an earlier ticket." }, staff.Options());

        rejected.Ticket.Status.Should().Be(TicketStatus.Rejected);
        await ExpectSms(citizen, ++sms, ticket.ReferenceNumber);
        var seen = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticket.TicketId }, citizen.Options())).Ticket;
        seen.Status.Should().Be(TicketStatus.Rejected);
        seen.Messages.Should().ContainSingle().Which.Body.Should().Be("A duplicate of an earlier ticket.");
        (await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = ticket.TicketId, Score = 1 }, citizen.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("INVALID_TICKET_TRANSITION");
    }

    [Fact]
    public async Task A_resident_is_told_in_Arabic_and_then_English()
    {
        var resident = await _kit.CitizenAsync(PersonKind.Resident);
        var staff = await _kit.DeskAsync();
        var sms = await _kit.Harness.SmsCountAsync(resident.MobileNumber);
        var ticket = await _kit.SubmitAsync(resident);

        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "We are on it." }, staff.Options());

        var body = await _kit.Harness.NextSmsAsync(resident.MobileNumber, sms);
        var lines = body.Split('\n');
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"\p{IsArabic}").And.Contain(ticket.ReferenceNumber);
        lines[1].Should().StartWith("Tahseen:").And.Contain(ticket.ReferenceNumber);
    }

    [Fact]
    public async Task A_ticket_can_be_handed_to_another_staff_member_but_not_to_a_citizen()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var ticket = await _kit.SubmitAsync(citizen);

        var handed = await _kit.Staff.AssignTicketAsync(
            new AssignTicketRequest { TicketId = ticket.TicketId, AssigneeAccountId = staff.AccountId }, admin.Options());
        handed.Ticket.AssigneeAccountId.Should().Be(staff.AccountId);
        handed.History.Last().ActorRole.Should().Be(Role.Admin);

        var toCitizen = await _kit.Staff.AssignTicketAsync(
            new AssignTicketRequest { TicketId = ticket.TicketId, AssigneeAccountId = citizen.AccountId }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument);
        toCitizen.BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("assignee_account_id");
    }

    [Fact]
    public async Task Staff_acting_on_one_ticket_at_once_never_overwrite_each_other()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var admin = await _kit.DeskAsync(Role.Admin);
        var ticket = await _kit.SubmitAsync(citizen);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            var caller = i % 2 == 0 ? staff : admin;
            try
            {
                await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = $"Reply {i}" }, caller.Options());
                return "OK";
            }
            catch (RpcException exception)
            {
                return GrpcError.From(exception).Reason;
            }
        }));

        outcomes.Should().OnlyContain(o => o == "OK" || o == "CONCURRENT_UPDATE");
        var stored = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        stored.Ticket.Messages.Should().HaveCount(outcomes.Count(o => o == "OK"), "every acknowledged reply is kept");
    }

    private async Task CitizenSeesNoNote(Caller citizen, string ticketId)
    {
        var got = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticketId }, citizen.Options())).Ticket;
        var listed = (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest(), citizen.Options())).Tickets;

        got.ToString().Should().NotContain(NoteText);
        listed.ToString().Should().NotContain(NoteText);
    }

    /// <summary>The SMS names the ticket by its reference number only, never by what it says.</summary>
    private async Task ExpectSms(Caller citizen, int count, string referenceNumber)
    {
        var body = await _kit.Harness.NextSmsAsync(citizen.MobileNumber, count - 1);
        body.Should().Contain(referenceNumber).And.MatchRegex(@"\p{IsArabic}");
        body.Should().NotContainAny("card", "Jeddah", "Absher", "record");
        body.Should().NotContain("Tahseen:", "a citizen gets the Arabic text only");
    }
}
