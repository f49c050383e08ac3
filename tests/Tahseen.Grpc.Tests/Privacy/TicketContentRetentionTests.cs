using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Privacy;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>Closed tickets lose their personal content after Retention:ClosedTicketContentYears (5 by default).</summary>
public sealed class TicketContentRetentionTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_ticket_closed_five_years_ago_is_redacted_by_the_retention_job_and_a_younger_one_is_not()
    {
        var jobs = factory.Services.GetRequiredService<DataProtectionJobs>();
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var old = await _kit.SubmitAsync(citizen);
        await _kit.Staff.RejectTicketAsync(new RejectTicketRequest { TicketId = old.TicketId, Reason = "Out of scope, Mr Example" }, staff.Options());
        var open = await _kit.SubmitAsync(citizen);

        // Sessions do not last years: the desk signs in again, and a newer citizen files the younger ticket.
        factory.Clock.Advance(TimeSpan.FromDays(365 * 5));
        staff = await _kit.DeskAsync();
        citizen = await _kit.CitizenAsync();
        var young = await _kit.SubmitAsync(citizen);
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = young.TicketId, Reason = "Solved elsewhere" }, citizen.Options());
        var statisticsBefore = await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), staff.Options());

        (await jobs.RunContentRetentionAsync(CancellationToken.None)).Should().Be(0, "five years have not passed yet, to the day");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        staff = await _kit.DeskAsync();
        var redacted = await jobs.RunContentRetentionAsync(CancellationToken.None);
        var again = await jobs.RunContentRetentionAsync(CancellationToken.None);

        redacted.Should().Be(1);
        again.Should().Be(0, "a redacted ticket is not redacted twice");
        var oldView = (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = old.TicketId }, staff.Options())).Ticket;
        oldView.Subject.Should().Be("[redacted]");
        oldView.Description.Should().Be("[redacted]");
        oldView.Messages.Should().ContainSingle().Which.Body.Should().Be("[redacted]");
        oldView.Status.Should().Be(TicketStatus.Rejected);
        oldView.ReferenceNumber.Should().Be(old.ReferenceNumber);
        var youngView = (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = young.TicketId }, staff.Options())).Ticket;
        youngView.Subject.Should().Be(young.Subject);
        var openView = (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = open.TicketId }, staff.Options())).Ticket;
        openView.Subject.Should().Be(open.Subject, "an open ticket is still being worked, however old");
        (await _kit.Staff.GetTicketStatisticsAsync(new GetTicketStatisticsRequest(), staff.Options())).Should().Be(statisticsBefore);

        var admin = await _kit.DeskAsync(Role.Admin);
        var audit = await _kit.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { Action = "TICKET_CONTENT_REDACTED" }, admin.Options());
        audit.Events.Should().ContainSingle().Which.SubjectId.Should().Be(old.TicketId);
    }
}
