using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Privacy;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>Access, correction and erasure, through the gRPC surface a portal calls.</summary>
public sealed class DataSubjectRightsTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    private DataProtectionJobs Jobs => factory.Services.GetRequiredService<DataProtectionJobs>();

    [Fact]
    public async Task ExportMyData_holds_the_callers_person_data_and_tickets_with_their_public_thread_and_is_audited()
    {
        var (session, _, identity) = await _kit.Harness.SignedInCitizenAsync();
        var citizen = new Caller(session.Account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
        var staff = await _kit.DeskAsync();
        var ticket = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(subject: "Export subject"));
        await _kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = ticket.TicketId, Body = "A public answer" }, staff.Options());
        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = ticket.TicketId, Body = "A staff-only note" }, staff.Options());

        var export = await _kit.Identity.ExportMyDataAsync(new ExportMyDataRequest(), citizen.Options());

        export.CreateTime.ToDateTimeOffset().Should().Be(factory.Clock.GetUtcNow());
        export.DataJson.Should().NotContain("A staff-only note", "internal notes are the service's working papers");
        using var document = JsonDocument.Parse(export.DataJson);
        var root = document.RootElement;
        root.GetProperty("formatVersion").GetInt32().Should().Be(1);
        root.GetProperty("account").GetProperty("accountId").GetString().Should().Be(citizen.AccountId);
        root.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("CITIZEN");
        var person = root.GetProperty("person");
        person.GetProperty("nationalId").GetString().Should().Be(identity.NationalId);
        person.GetProperty("fullName").GetString().Should().Be(identity.FullNameAr);
        person.GetProperty("mobileNumber").GetString().Should().Be(identity.MobileNumber);
        person.GetProperty("email").GetString().Should().Be("person@example.sa");
        person.GetProperty("personKind").GetString().Should().Be("CITIZEN");
        person.GetProperty("birthDate").ValueKind.Should().Be(JsonValueKind.Null, "the service keeps no birth date");
        root.GetProperty("acceptedTerms").GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        var exported = root.GetProperty("tickets").EnumerateArray().Single();
        exported.GetProperty("ticketId").GetString().Should().Be(ticket.TicketId);
        exported.GetProperty("subject").GetString().Should().Be("Export subject");
        exported.GetProperty("type").GetString().Should().Be("COMPLAINT");
        exported.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("authorRole").GetString(), m.GetProperty("body").GetString()))
            .Should().Equal(("STAFF", "A public answer"));
        root.GetProperty("securityEvents").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Should().Contain(["REGISTERED", "LOGIN_SUCCEEDED"]);
        root.GetProperty("dataSubjectRequests").EnumerateArray().Should().ContainSingle(r => r.GetProperty("kind").GetString() == "ACCESS");

        var admin = await _kit.DeskAsync(Role.Admin);
        var audit = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Action = "PERSONAL_DATA_EXPORTED", SubjectId = citizen.AccountId }, admin.Options());
        audit.Events.Should().ContainSingle().Which.ActorAccountId.Should().Be(citizen.AccountId);
        audit.Events[0].Detail.Should().NotContain(identity.NationalId);
        var requests = await AllRequestsAsync(admin, DataSubjectRequestKind.Access);
        requests.Should().ContainSingle(r => r.AccountId == citizen.AccountId)
            .Which.Status.Should().Be(DataSubjectRequestStatus.Completed);
    }

    [Fact]
    public async Task UpdateMyEmail_corrects_the_address_and_is_recorded_as_a_completed_correction_request()
    {
        var citizen = await _kit.CitizenAsync();
        var email = $"corrected.{Guid.NewGuid():N}@example.sa";

        await _kit.Identity.UpdateMyEmailAsync(new UpdateMyEmailRequest { Email = "  " + email + " " }, citizen.Options());
        var invalid = await _kit.Identity.UpdateMyEmailAsync(new UpdateMyEmailRequest { Email = "not an address" }, citizen.Options())
            .FailsWith(StatusCode.InvalidArgument);

        invalid.ViolationReasons.Should().Equal("EMAIL_INVALID");
        var export = await _kit.Identity.ExportMyDataAsync(new ExportMyDataRequest(), citizen.Options());
        JsonDocument.Parse(export.DataJson).RootElement.GetProperty("person").GetProperty("email").GetString().Should().Be(email);
        var admin = await _kit.DeskAsync(Role.Admin);
        (await AllRequestsAsync(admin, DataSubjectRequestKind.Correction)).Should().ContainSingle(r => r.AccountId == citizen.AccountId)
            .Which.Status.Should().Be(DataSubjectRequestStatus.Completed);
        var audit = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { ActorAccountId = citizen.AccountId, Action = "ACCOUNT_PERSONAL_DATA_CHANGED" }, admin.Options());
        audit.Events.Should().ContainSingle().Which.Detail.Should().Be("Email");
    }

    [Fact]
    public async Task A_wrong_password_is_invalid_credentials_counted_like_change_password_and_records_no_request()
    {
        var citizen = await _kit.CitizenAsync();

        var outcomes = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var error = await _kit.Identity.RequestAccountErasureAsync(
                new RequestAccountErasureRequest { Password = "WrongPassword1", Reason = "try" }, citizen.Options()).FailsWith(
                attempt < 3 ? StatusCode.Unauthenticated : StatusCode.FailedPrecondition);
            outcomes.Add(error.Reason);
        }

        outcomes.Should().Equal("INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "CAPTCHA_REQUIRED");
        var admin = await _kit.DeskAsync(Role.Admin);
        (await AllRequestsAsync(admin, DataSubjectRequestKind.Erasure)).Should().NotContain(r => r.AccountId == citizen.AccountId);
    }

    [Fact]
    public async Task Overlapping_erasure_requests_of_one_account_record_one_request_and_all_answer_it()
    {
        var citizen = await _kit.CitizenAsync();
        var answers = new string[20];

        var outcomes = await Overlapping.RunAsync(20, async index =>
            answers[index] = (await _kit.Identity.RequestAccountErasureAsync(
                new RequestAccountErasureRequest { Password = Harness.CitizenPassword, Reason = "Leaving" }, citizen.Options())).ErasureRequest.RequestId);

        outcomes.Should().OnlyContain(o => o == "OK");
        answers.Distinct().Should().ContainSingle();
        var admin = await _kit.DeskAsync(Role.Admin);
        var recorded = (await AllRequestsAsync(admin, DataSubjectRequestKind.Erasure)).Where(r => r.AccountId == citizen.AccountId).ToList();
        recorded.Should().ContainSingle().Which.RequestId.Should().Be(answers[0]);
        recorded[0].DueTime.ToDateTimeOffset().Should().Be(recorded[0].CreateTime.ToDateTimeOffset().AddDays(30));
        recorded[0].Status.Should().Be(DataSubjectRequestStatus.Pending);
    }

    [Fact]
    public async Task An_erasure_waits_for_the_accounts_open_tickets_and_shows_so_in_the_list()
    {
        var citizen = await _kit.CitizenAsync();
        var open = await _kit.SubmitAsync(citizen);
        var requested = (await _kit.Identity.RequestAccountErasureAsync(
            new RequestAccountErasureRequest { Password = Harness.CitizenPassword }, citizen.Options())).ErasureRequest;

        await Jobs.RunErasuresAsync(CancellationToken.None);

        var admin = await _kit.DeskAsync(Role.Admin);
        (await AllRequestsAsync(admin, DataSubjectRequestKind.Erasure)).Single(r => r.RequestId == requested.RequestId)
            .Status.Should().Be(DataSubjectRequestStatus.WaitingForOpenTickets);
        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options())).Account.AccountId.Should().Be(citizen.AccountId);

        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = open.TicketId }, citizen.Options());
        await Jobs.RunErasuresAsync(CancellationToken.None);

        (await AllRequestsAsync(admin, DataSubjectRequestKind.Erasure)).Single(r => r.RequestId == requested.RequestId)
            .Status.Should().Be(DataSubjectRequestStatus.Completed);
        (await _kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options()).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");
    }

    [Fact]
    public async Task A_request_is_extended_once_by_thirty_days_with_a_reason_and_overlapping_extensions_let_one_through()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var first = await ErasureRequestWithOpenTicketAsync();
        var second = await ErasureRequestWithOpenTicketAsync();

        var extended = (await _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = first.RequestId, Reason = "Archive retrieval" }, admin.Options())).Request;
        var again = await _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = first.RequestId, Reason = "More" }, admin.Options()).FailsWith(StatusCode.FailedPrecondition);
        var outcomes = await Overlapping.RunAsync(20, _ => _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = second.RequestId, Reason = "Busy" }, admin.Options()).ResponseAsync);

        extended.DueTime.ToDateTimeOffset().Should().Be(first.DueTime.ToDateTimeOffset().AddDays(30));
        extended.ExtensionReason.Should().Be("Archive retrieval");
        extended.ExtendTime.Should().NotBeNull();
        again.Reason.Should().Be("EXTENSION_ALREADY_USED");
        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 1, ["EXTENSION_ALREADY_USED"] = 19 });
        var audit = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Action = "DATA_SUBJECT_REQUEST_EXTENDED" }, admin.Options());
        audit.Events.Select(e => e.SubjectId).Should().BeEquivalentTo([first.RequestId, second.RequestId]);
        (await _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = Guid.NewGuid().ToString(), Reason = "x" }, admin.Options()).FailsWith(StatusCode.NotFound))
            .Reason.Should().Be("DATA_SUBJECT_REQUEST_NOT_FOUND");
        (await _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = first.RequestId, Reason = " " }, admin.Options()).FailsWith(StatusCode.InvalidArgument))
            .ViolationReasons.Should().Equal("FIELD_REQUIRED");
    }

    [Fact]
    public async Task Citizens_and_staff_cannot_list_or_extend_requests_and_staff_cannot_request_erasure()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();

        (await _kit.Admin.ListDataSubjectRequestsAsync(new ListDataSubjectRequestsRequest(), citizen.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Admin.ListDataSubjectRequestsAsync(new ListDataSubjectRequestsRequest(), staff.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Identity.RequestAccountErasureAsync(new RequestAccountErasureRequest { Password = "x" }, staff.Options()).FailsWith(StatusCode.PermissionDenied))
            .Reason.Should().Be("FORBIDDEN");
        (await _kit.Identity.ExportMyDataAsync(new ExportMyDataRequest()).FailsWith(StatusCode.Unauthenticated)).Reason.Should().Be("TOKEN_INVALID");
    }

    /// <summary>
    /// Must show: ExportMyData holds the caller's tickets; after RequestAccountErasure and the erasure job
    /// the account cannot sign in, the database files (main and WAL) hold none of its personal data and
    /// none of its ticket texts, and the staff statistics are what they were.
    /// </summary>
    [Fact]
    public async Task After_erasure_the_account_cannot_sign_in_the_files_hold_nothing_of_it_and_statistics_are_unchanged()
    {
        var harness = _kit.Harness;
        var (account, identity, username) = await harness.RegisterCitizenAsync();
        var session = await harness.SignInAsync(identity.NationalId, Harness.CitizenPassword, identity.MobileNumber);
        var citizen = new Caller(account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
        var email = $"erase.{Guid.NewGuid():N}@example.sa";
        await _kit.Identity.UpdateMyEmailAsync(new UpdateMyEmailRequest { Email = email }, citizen.Options());
        var staff = await _kit.DeskAsync();
        var mark = Guid.NewGuid().ToString("N")[..12];
        var texts = new[]
        {
            $"Subject {mark} rated", $"Description {mark} rated", $"Citizen message {mark}", $"Staff reply {mark}",
            $"Resolution {mark}", $"Rating comment {mark}", $"Subject {mark} withdrawn", $"Withdraw reason {mark}", $"Internal note {mark}",
        };

        var rated = await _kit.SubmitAsync(citizen, NewTicket(texts[0], texts[1]));
        await _kit.Staff.RequestInformationAsync(new RequestInformationRequest { TicketId = rated.TicketId, Body = texts[3] }, staff.Options());
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = rated.TicketId, Body = texts[2] }, citizen.Options());
        await _kit.Staff.AddInternalNoteAsync(new AddInternalNoteRequest { TicketId = rated.TicketId, Body = texts[8] }, staff.Options());
        await _kit.Staff.ResolveTicketAsync(new ResolveTicketRequest { Outcome = TicketOutcome.Upheld, TicketId = rated.TicketId, Body = texts[4] }, staff.Options());
        await _kit.Tickets.RateTicketAsync(new RateTicketRequest { TicketId = rated.TicketId, Score = 5, Comment = texts[5] }, citizen.Options());
        var withdrawn = await _kit.SubmitAsync(citizen, NewTicket(texts[6], "Withdrawn ticket"));
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId, Reason = texts[7] }, citizen.Options());
        await harness.DeliverSmsAsync();

        var export = await _kit.Identity.ExportMyDataAsync(new ExportMyDataRequest(), citizen.Options());
        var exportedTickets = JsonDocument.Parse(export.DataJson).RootElement.GetProperty("tickets").EnumerateArray()
            .Select(t => t.GetProperty("ticketId").GetString()).ToList();
        exportedTickets.Should().BeEquivalentTo([rated.TicketId, withdrawn.TicketId]);
        var statisticsBefore = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), staff.Options());

        var request = (await _kit.Identity.RequestAccountErasureAsync(
            new RequestAccountErasureRequest { Password = Harness.CitizenPassword, Reason = $"Reason {mark}" }, citizen.Options())).ErasureRequest;
        var erased = await Jobs.RunErasuresAsync(CancellationToken.None);

        erased.Should().BeGreaterThanOrEqualTo(1);
        (await _kit.Identity.LoginAsync(new LoginRequest { Login = identity.NationalId, Password = Harness.CitizenPassword }).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("INVALID_CREDENTIALS");
        (await _kit.Identity.LoginAsync(new LoginRequest { Login = username, Password = Harness.CitizenPassword }).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("INVALID_CREDENTIALS");
        (await _kit.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = citizen.RefreshToken }).FailsWith(StatusCode.Unauthenticated))
            .Reason.Should().Be("TOKEN_INVALID");
        (await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), staff.Options())).Should().Be(statisticsBefore);

        var staffView = (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = rated.TicketId }, staff.Options())).Ticket;
        staffView.Subject.Should().Be("[redacted]");
        staffView.Status.Should().Be(TicketStatus.Closed);
        staffView.Messages.Should().OnlyContain(m => m.Body == "[redacted]");
        staffView.Rating.Score.Should().Be(5);
        staffView.Rating.Comment.Should().Be("[redacted]");

        var admin = await _kit.DeskAsync(Role.Admin);
        var completed = (await AllRequestsAsync(admin, DataSubjectRequestKind.Erasure)).Single(r => r.RequestId == request.RequestId);
        completed.Status.Should().Be(DataSubjectRequestStatus.Completed);
        var audit = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Action = "ERASURE_COMPLETED", SubjectId = account.AccountId }, admin.Options());
        audit.Events.Should().ContainSingle().Which.Detail.Should().Contain(request.RequestId);
        (await _kit.Admin.VerifyAuditChainAsync(new VerifyAuditChainRequest(), admin.Options())).Intact.Should().BeTrue();

        var identities = await harness.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest());
        identities.Identities.Single(i => i.NationalId == identity.NationalId).Registered.Should().BeFalse("the identity may register again");

        var files = await factory.Database.StoredBytesAsync();
        if (factory.Database.Provider == TestProvider.Sqlite)
        {
            files.Should().Contain(f => f.Name.EndsWith(".db", StringComparison.Ordinal));
        }

        var personal = new[] { identity.NationalId, identity.MobileNumber[^9..], email, identity.FullNameAr, identity.FullNameEn, username, $"Reason {mark}" };
        foreach (var (name, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var value in personal.Concat(texts))
            {
                text.Contains(value, StringComparison.Ordinal).Should().BeFalse($"{name} must not hold \"{value}\" of the erased account");
            }
        }
    }

    private static SubmitTicketRequest NewTicket(string subject, string description)
    {
        var request = TicketKit.NewTicket();
        request.Subject = subject;
        request.Description = description;
        return request;
    }

    private async Task<DataSubjectRequest> ErasureRequestWithOpenTicketAsync()
    {
        var citizen = await _kit.CitizenAsync();
        await _kit.SubmitAsync(citizen);
        return (await _kit.Identity.RequestAccountErasureAsync(
            new RequestAccountErasureRequest { Password = Harness.CitizenPassword }, citizen.Options())).ErasureRequest;
    }

    private async Task<List<DataSubjectRequest>> AllRequestsAsync(Caller admin, DataSubjectRequestKind kind)
    {
        var all = new List<DataSubjectRequest>();
        var token = string.Empty;
        do
        {
            var page = await _kit.Admin.ListDataSubjectRequestsAsync(
                new ListDataSubjectRequestsRequest { Kind = kind, PageSize = 100, PageToken = token }, admin.Options());
            all.AddRange(page.Requests);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }
}
