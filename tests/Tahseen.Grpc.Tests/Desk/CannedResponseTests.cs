using System.Globalization;
using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Desk;

public sealed class CannedResponseTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string AppointmentsCategory = "0b7f3c4e-0001-4a6e-9c1d-5a0000000007";
    private const string AllPlaceholders =
        "{citizen_name}: {reference_number} due {due_date} / {due_date_hijri}. {staff_name}";

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_canned_reply_is_written_in_the_submitters_language_with_its_placeholders_filled_and_recorded()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var staff = await _kit.DeskAsync();
        var staffName = (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), staff.Options())).Account.FullName;
        var template = (await _kit.Admin.CreateCannedResponseAsync(new CreateCannedResponseRequest
        {
            CategoryId = TicketKit.NationalIdCardCategory,
            Type = TicketType.Complaint,
            TitleAr = "قالب الاختبار",
            TitleEn = "Test template",
            BodyAr = "عربي " + AllPlaceholders,
            BodyEn = "English " + AllPlaceholders,
            Active = true,
        }, admin.Options())).CannedResponse;

        var (arabicSession, _, arabicIdentity) = await _kit.Harness.SignedInCitizenAsync();
        var arabic = Harness.Bearer(arabicSession.AccessToken);
        var first = (await _kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), new CallOptions(arabic))).Ticket;
        var (englishSession, _, englishIdentity) = await _kit.Harness.SignedInCitizenAsync();
        var english = Harness.Bearer(englishSession.AccessToken);
        (await _kit.Identity.UpdateMyLanguageAsync(new UpdateMyLanguageRequest { PreferredLanguage = Language.English }, new CallOptions(english)))
            .Account.PreferredLanguage.Should().Be(Language.English);
        var second = (await _kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), new CallOptions(english))).Ticket;

        var offered = (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest
        {
            CategoryId = TicketKit.NationalIdCardCategory, Type = TicketType.Complaint,
        }, staff.Options())).CannedResponses;
        offered.Select(r => r.CannedResponseId).Should().Contain(template.CannedResponseId);
        offered.Should().NotContain(r => r.CategoryId == AppointmentsCategory, "another category's answers are not offered");

        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = first.TicketId }, staff.Options());
        var replied = (await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest
        {
            TicketId = first.TicketId, CannedResponseId = template.CannedResponseId, Body = "  نص إضافي  ",
        }, staff.Options())).Ticket;
        var asked = (await _kit.Staff.RequestInformationAsync(new RequestInformationRequest
        {
            TicketId = second.TicketId, CannedResponseId = template.CannedResponseId,
        }, staff.Options())).Ticket;

        var reply = replied.Messages.Last();
        reply.Body.Should().Be($"عربي {FirstWord(arabicIdentity.FullNameAr)}: {first.ReferenceNumber} due {Gregorian(first)} / {Hijri(first)}. {staffName}\n\nنص إضافي");
        reply.CannedResponseId.Should().Be(template.CannedResponseId);
        var question = asked.Messages.Last();
        question.Body.Should().Be($"English {FirstWord(englishIdentity.FullNameEn)}: {second.ReferenceNumber} due {Gregorian(second)} / {Hijri(second)}. {staffName}");
        question.CannedResponseId.Should().Be(template.CannedResponseId);
        asked.Status.Should().Be(TicketStatus.WaitingForCitizen);
        (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = first.TicketId }, new CallOptions(arabic)))
            .Ticket.Messages.Last().Body.Should().Be(reply.Body, "the submitter reads what was rendered for them");
    }

    [Fact]
    public async Task Unknown_placeholders_and_stray_braces_are_refused_when_saved_and_nothing_is_written()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        foreach (var (bodyAr, bodyEn, field, token) in new[]
        {
            ("رقم الهوية {national_id}", "ok", "body_ar", "{national_id}"),
            ("ok", "Dear {citizen_name", "body_en", "{"),
            ("ok", "Dear citizen_name}", "body_en", "}"),
            ("ok", "{Reference_Number}", "body_en", "{Reference_Number}"),
        })
        {
            var error = await _kit.Admin.CreateCannedResponseAsync(new CreateCannedResponseRequest
            {
                TitleAr = "خطأ " + token, TitleEn = "Broken " + token, BodyAr = bodyAr, BodyEn = bodyEn, Active = true,
            }, admin.Options()).FailsWith(StatusCode.InvalidArgument);
            error.BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == field && v.Reason == "PLACEHOLDER_UNKNOWN");
            error.Localized!.Message.Should().Contain(token, "the message names what was not understood");
        }

        var all = (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest { IncludeInactive = true }, admin.Options())).CannedResponses;
        all.Should().NotContain(r => r.TitleEn.StartsWith("Broken", StringComparison.Ordinal));

        var saved = (await _kit.Admin.CreateCannedResponseAsync(new CreateCannedResponseRequest
        {
            TitleAr = "صحيح", TitleEn = "Valid", BodyAr = "{reference_number}", BodyEn = "{reference_number}", Active = true,
        }, admin.Options())).CannedResponse;
        (await _kit.Admin.UpdateCannedResponseAsync(new UpdateCannedResponseRequest
        {
            CannedResponseId = saved.CannedResponseId, TitleAr = "صحيح", TitleEn = "Valid", BodyAr = "{mobile}", BodyEn = "x", Active = true,
        }, admin.Options()).FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("PLACEHOLDER_UNKNOWN");
        (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest(), admin.Options())).CannedResponses
            .Single(r => r.CannedResponseId == saved.CannedResponseId).BodyAr.Should().Be("{reference_number}", "a refused update changes nothing");
    }

    [Fact]
    public async Task A_retired_unknown_or_other_category_response_is_refused_and_a_reply_needs_a_body_or_a_response()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var staff = await _kit.DeskAsync();
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = ticket.TicketId }, staff.Options());
        var appointments = (await _kit.Admin.CreateCannedResponseAsync(new CreateCannedResponseRequest
        {
            CategoryId = AppointmentsCategory, TitleAr = "مواعيد", TitleEn = "Appointments only", BodyAr = "أ", BodyEn = "A", Active = true,
        }, admin.Options())).CannedResponse;
        var general = (await _kit.Admin.CreateCannedResponseAsync(new CreateCannedResponseRequest
        {
            TitleAr = "عام", TitleEn = "General, soon retired", BodyAr = "ع", BodyEn = "G", Active = true,
        }, admin.Options())).CannedResponse;

        async Task<(StatusCode Code, string Reason)> ReplyAsync(string cannedResponseId, string body)
        {
            var call = _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest
            {
                TicketId = ticket.TicketId, CannedResponseId = cannedResponseId, Body = body,
            }, staff.Options());
            var exception = await FluentActions.Awaiting(() => call.ResponseAsync).Should().ThrowAsync<RpcException>();
            var error = GrpcError.From(exception.Which);
            return (error.Code, error.Reason ?? string.Empty);
        }

        (await ReplyAsync(appointments.CannedResponseId, "")).Should().Be((StatusCode.FailedPrecondition, "CANNED_RESPONSE_NOT_APPLICABLE"));
        (await ReplyAsync(Guid.NewGuid().ToString(), "")).Should().Be((StatusCode.NotFound, "CANNED_RESPONSE_NOT_FOUND"));
        (await ReplyAsync("not-an-id", "")).Code.Should().Be(StatusCode.InvalidArgument);
        (await ReplyAsync("", "   ")).Should().Be((StatusCode.InvalidArgument, "FIELD_REQUIRED"));
        (await ReplyAsync(general.CannedResponseId, new string('x', 5000))).Should().Be((StatusCode.InvalidArgument, "FIELD_TOO_LONG"));

        var retired = (await _kit.Admin.UpdateCannedResponseAsync(new UpdateCannedResponseRequest
        {
            CannedResponseId = general.CannedResponseId, TitleAr = general.TitleAr, TitleEn = general.TitleEn,
            BodyAr = general.BodyAr, BodyEn = general.BodyEn, Active = false,
        }, admin.Options())).CannedResponse;
        retired.Active.Should().BeFalse();
        (await ReplyAsync(general.CannedResponseId, "")).Should().Be((StatusCode.FailedPrecondition, "CANNED_RESPONSE_NOT_APPLICABLE"));
        (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest(), staff.Options()))
            .CannedResponses.Should().NotContain(r => r.CannedResponseId == general.CannedResponseId, "staff are not offered retired ones");
        (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest { IncludeInactive = true }, admin.Options()))
            .CannedResponses.Should().Contain(r => r.CannedResponseId == general.CannedResponseId && !r.Active);

        var thread = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticket.TicketId }, citizen.Options())).Ticket;
        thread.Messages.Should().BeEmpty("every refused reply wrote nothing");
    }

    [Fact]
    public async Task Only_admins_keep_the_set_and_each_change_is_in_the_audit_chain()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var staff = await _kit.DeskAsync();
        var request = new CreateCannedResponseRequest { TitleAr = "أ", TitleEn = "Audited", BodyAr = "أ", BodyEn = "A", Active = true };
        (await _kit.Admin.CreateCannedResponseAsync(request, staff.Options()).FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
        (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest(), (await _kit.CitizenAsync()).Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");

        var created = (await _kit.Admin.CreateCannedResponseAsync(request, admin.Options())).CannedResponse;
        await _kit.Admin.UpdateCannedResponseAsync(new UpdateCannedResponseRequest
        {
            CannedResponseId = created.CannedResponseId, TitleAr = "ب", TitleEn = "Audited", BodyAr = "ب", BodyEn = "B", Active = true,
        }, admin.Options());

        var events = (await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 100 }, admin.Options())).Events
            .Where(e => e.SubjectId == created.CannedResponseId)
            .ToList();
        events.Select(e => e.Action).Should().BeEquivalentTo(["CANNED_RESPONSE_UPDATED", "CANNED_RESPONSE_CREATED"]);
        events.Should().OnlyContain(e => e.ActorAccountId == admin.AccountId && e.SubjectType == "canned_response");
    }

    [Fact]
    public async Task The_seeded_set_offers_answers_in_both_languages_for_the_sample_categories()
    {
        var staff = await _kit.DeskAsync();
        var forIdCards = (await _kit.Staff.ListCannedResponsesAsync(new ListCannedResponsesRequest
        {
            CategoryId = TicketKit.NationalIdCardCategory, Type = TicketType.Inquiry,
        }, staff.Options())).CannedResponses;

        forIdCards.Select(r => r.TitleEn).Should().Contain(["National ID card requirements", "Acknowledgement"])
            .And.NotContain(["Complaint under review", "Booking appointments"]);
        forIdCards[0].TitleEn.Should().Be("National ID card requirements", "the category's own answer comes before the general ones");
        forIdCards.Should().OnlyContain(r => r.BodyAr.Length > 0 && r.BodyEn.Length > 0 && r.TitleAr.Length > 0);
    }

    private static string FirstWord(string name) => name.Trim().Split(' ')[0];

    private static DateTime RiyadhDay(Ticket ticket) => ticket.DueTime.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(3)).Date;

    private static string Gregorian(Ticket ticket) => RiyadhDay(ticket).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hijri(Ticket ticket)
    {
        var calendar = new UmAlQuraCalendar();
        var day = RiyadhDay(ticket);
        return string.Create(
            CultureInfo.InvariantCulture, $"{calendar.GetYear(day):D4}-{calendar.GetMonth(day):D2}-{calendar.GetDayOfMonth(day):D2}");
    }
}
