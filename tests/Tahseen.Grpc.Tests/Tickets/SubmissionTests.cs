using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed partial class SubmissionTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_retried_submission_returns_the_same_ticket_and_files_nothing_new()
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();

        var first = await _kit.SubmitAsync(citizen, request);
        var retry = await _kit.SubmitAsync(citizen, request.Clone());

        retry.Should().BeEquivalentTo(first);
        (await MyTicketsAsync(citizen)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_ticket_is_refused()
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        await _kit.SubmitAsync(citizen, request);

        var changed = request.Clone();
        changed.Description += " Also, my passport.";
        var error = await _kit.Tickets.SubmitTicketAsync(changed, citizen.Options()).FailsWith(StatusCode.AlreadyExists);

        error.Reason.Should().Be("REQUEST_ID_REUSED");
        (await MyTicketsAsync(citizen)).Should().ContainSingle();
    }

    [Fact]
    public async Task The_same_request_id_from_two_citizens_files_two_tickets()
    {
        var request = TicketKit.NewTicket();

        var first = await _kit.SubmitAsync(await _kit.CitizenAsync(), request);
        var second = await _kit.SubmitAsync(await _kit.CitizenAsync(), request.Clone());

        second.TicketId.Should().NotBe(first.TicketId);
    }

    [Fact]
    public async Task Identical_submissions_at_once_file_one_ticket()
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _kit.SubmitAsync(citizen, request.Clone())));

        all.Select(t => (t.TicketId, t.ReferenceNumber)).Distinct().Should().ContainSingle();
        (await MyTicketsAsync(citizen)).Should().ContainSingle();
    }

    [Fact]
    public async Task Reference_numbers_stay_unique_and_consecutive_under_concurrent_submissions()
    {
        var citizens = new[] { await _kit.CitizenAsync(), await _kit.CitizenAsync() };

        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _kit.SubmitAsync(citizens[i % 2])));

        var sequences = tickets.Select(t => long.Parse(ReferenceSequence().Match(t.ReferenceNumber).Groups[1].Value)).Order().ToList();
        sequences.Should().OnlyHaveUniqueItems();
        (sequences[^1] - sequences[0]).Should().Be(19, "no number is skipped when every submission commits");
    }

    [Fact]
    public async Task Every_missing_field_is_reported_at_once_with_type_unspecified_as_required()
    {
        var citizen = await _kit.CitizenAsync();

        var error = await _kit.Tickets.SubmitTicketAsync(new SubmitTicketRequest(), citizen.Options()).FailsWith(StatusCode.InvalidArgument);

        error.Reason.Should().Be("FIELD_REQUIRED");
        error.BadRequest!.FieldViolations.Select(v => (v.Field, v.Reason)).Should().BeEquivalentTo(new[]
        {
            ("request_id", "FIELD_REQUIRED"),
            ("type", "FIELD_REQUIRED"),
            ("category_id", "FIELD_REQUIRED"),
            ("subject", "FIELD_REQUIRED"),
            ("description", "FIELD_REQUIRED"),
        });
    }

    [Theory]
    [InlineData("subject", 201, "FIELD_TOO_LONG")]
    [InlineData("description", 5001, "FIELD_TOO_LONG")]
    [InlineData("subject", 0, "FIELD_HAS_CONTROL_CHARACTERS")]
    [InlineData("description", 0, "FIELD_HAS_CONTROL_CHARACTERS")]
    public async Task Text_that_is_too_long_or_holds_control_characters_is_refused_on_its_field(string field, int length, string reason)
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        var text = length > 0 ? new string('م', length) : "Card\u0007lost";
        if (field == "subject")
        {
            request.Subject = text;
        }
        else
        {
            request.Description = text;
        }

        var error = await _kit.Tickets.SubmitTicketAsync(request, citizen.Options()).FailsWith(StatusCode.InvalidArgument);

        error.BadRequest!.FieldViolations.Should().ContainSingle().Which.Should().Match<Google.Rpc.BadRequest.Types.FieldViolation>(v =>
            v.Field == field && v.Reason == reason);
        (await MyTicketsAsync(citizen)).Should().BeEmpty("bad input never writes anything");
    }

    [Fact]
    public async Task Text_is_trimmed_and_normalised_to_NFC_and_may_span_lines()
    {
        var citizen = await _kit.CitizenAsync();
        var request = TicketKit.NewTicket();
        // Alef followed by a combining madda: NFC composes them into one letter, آ.
        request.Subject = "  \u0627\u0653" + new string('x', 199) + "  ";
        request.Description = "First line.\r\nSecond line.\t";

        var ticket = await _kit.SubmitAsync(citizen, request);

        ticket.Subject.Should().Be("\u0622" + new string('x', 199));
        ticket.Description.Should().Be("First line.\r\nSecond line.");
    }

    [Fact]
    public async Task An_unknown_type_number_or_a_malformed_id_is_invalid_and_an_unknown_category_is_not_found()
    {
        var citizen = await _kit.CitizenAsync();
        var unknownType = TicketKit.NewTicket();
        unknownType.Type = (TicketType)99;
        var badId = TicketKit.NewTicket();
        badId.RequestId = "retry-1";
        var unknownCategory = TicketKit.NewTicket(categoryId: Guid.NewGuid().ToString());

        (await _kit.Tickets.SubmitTicketAsync(unknownType, citizen.Options()).FailsWith(StatusCode.InvalidArgument))
            .BadRequest!.FieldViolations.Should().ContainSingle().Which.Should().Match<Google.Rpc.BadRequest.Types.FieldViolation>(v =>
                v.Field == "type" && v.Reason == "FIELD_INVALID");
        (await _kit.Tickets.SubmitTicketAsync(badId, citizen.Options()).FailsWith(StatusCode.InvalidArgument))
            .BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("request_id");
        (await _kit.Tickets.SubmitTicketAsync(unknownCategory, citizen.Options()).FailsWith(StatusCode.NotFound))
            .Reason.Should().Be("CATEGORY_NOT_FOUND");
    }

    [Fact]
    public async Task The_due_time_counts_Saudi_working_days_from_a_Thursday_submission()
    {
        // Thursday 26 November 2026, 13:00 in Riyadh; no other test of this class moves the clock.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var citizen = await _kit.CitizenAsync();

        var inquiry = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry));
        var complaint = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));
        var suggestion = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion));

        // Friday and Saturday are the weekend: 3 working days end on Tuesday, 5 on Thursday, 10 a week later,
        // each at 14:30 Riyadh, the end of the working day (before issue 15: the submission's 13:00).
        var riyadh = TimeSpan.FromHours(3);
        inquiry.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 1, 14, 30, 0, riyadh));
        complaint.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 3, 14, 30, 0, riyadh));
        suggestion.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 10, 14, 30, 0, riyadh));

        // Sent after 14:30, the same Thursday's complaint counts from Sunday.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 0, 0, riyadh).ToUniversalTime());
        citizen = await _kit.RefreshedAsync(citizen);
        var late = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));
        late.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 6, 14, 30, 0, riyadh));
    }

    [Fact]
    public async Task The_working_day_targets_and_the_holidays_come_from_configuration()
    {
        using var configured = new TahseenApiFactory
        {
            Configure = builder => builder
                .UseSetting("Tickets:ComplaintWorkingDays", "2")
                .UseSetting("Tickets:Holidays:0", "2026-11-23"),
        };
        var kit = new TicketKit(configured);
        var citizen = await kit.CitizenAsync();

        var complaint = await kit.SubmitAsync(citizen);

        // Sunday 22 November: Monday is a holiday here, so two working days end on Wednesday at 14:30 Riyadh.
        complaint.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.FromHours(3)));
    }

    private async Task<IReadOnlyList<Ticket>> MyTicketsAsync(Caller citizen) =>
        (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = 100 }, citizen.Options())).Tickets;

    [GeneratedRegex(@"^TH-\d{4}-(\d{6,})$")]
    private static partial Regex ReferenceSequence();
}
