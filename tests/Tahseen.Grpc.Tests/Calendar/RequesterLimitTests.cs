using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Desk;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Persistence;
using Google.Protobuf.WellKnownTypes;
using SecurityEventKind = Tahseen.Domain.Identity.SecurityEventKind;
using TicketStatus = Tahseen.Contracts.V1.TicketStatus;

namespace Tahseen.Grpc.Tests.Calendar;

/// <summary>The limits' defaults: 10 open tickets per account, 5 submits per Riyadh day.</summary>
public sealed class LimitsFactory : IDisposable
{
    public TahseenApiFactory Factory { get; } = new()
    {
        Configure = builder =>
        {
            builder.UseSetting("Tickets:MaxOpenPerAccount", "10");
            builder.UseSetting("Tickets:MaxPerDay", "5");
        },
    };

    public void Dispose() => Factory.Dispose();
}

/// <summary>Fair limits per requester: open tickets, submits per Riyadh day, and a supervisor's restrictions.</summary>
public sealed class RequesterLimitTests(LimitsFactory fixture) : IClassFixture<LimitsFactory>
{
    private readonly TahseenApiFactory _factory = fixture.Factory;

    private TicketKit Kit => new(_factory);

    private DeskKit Desk => new(Kit);

    [Fact]
    public async Task The_sixth_submit_of_a_day_and_the_eleventh_open_ticket_are_refused_and_a_retry_is_never_counted()
    {
        var kit = Kit;
        var citizen = await kit.CitizenAsync();
        SubmitTicketRequest? fifth = null;
        Ticket? fifthTicket = null;
        for (var i = 0; i < 5; i++)
        {
            fifth = TicketKit.NewTicket();
            fifthTicket = await kit.SubmitAsync(citizen, fifth);
        }

        var daily = await kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), citizen.Options()).FailsWith(StatusCode.ResourceExhausted);
        daily.Reason.Should().Be("DAILY_TICKET_LIMIT");

        // A retry of an accepted submit returns its ticket: neither counted again nor refused.
        (await kit.SubmitAsync(citizen, fifth)).TicketId.Should().Be(fifthTicket!.TicketId);

        // The next Riyadh day renews the daily budget; open tickets stop at ten.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        citizen = await kit.RefreshedAsync(citizen);
        var more = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            more.Add(await kit.SubmitAsync(citizen));
        }

        _factory.Clock.Advance(TimeSpan.FromDays(1));
        citizen = await kit.RefreshedAsync(citizen);
        var open = await kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), citizen.Options()).FailsWith(StatusCode.ResourceExhausted);
        open.Reason.Should().Be("OPEN_TICKET_LIMIT");

        // A final ticket no longer counts as open.
        await kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = more[0].TicketId }, citizen.Options());
        (await kit.SubmitAsync(citizen)).Status.Should().Be(TicketStatus.Submitted);
    }

    [Fact]
    public async Task Twenty_overlapping_submits_of_one_citizen_pass_exactly_the_limits()
    {
        var kit = Kit;
        var citizen = await kit.CitizenAsync();
        var outcomes = await Overlapping.RunAsync(20, _ => kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), citizen.Options()).ResponseAsync);
        outcomes.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 5, ["DAILY_TICKET_LIMIT"] = 15 });

        // Eight open (five yesterday, three today), then twenty at once: exactly two more fit under ten.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        citizen = await kit.RefreshedAsync(citizen);
        for (var i = 0; i < 3; i++)
        {
            await kit.SubmitAsync(citizen);
        }

        _factory.Clock.Advance(TimeSpan.FromDays(1));
        citizen = await kit.RefreshedAsync(citizen);
        var second = await Overlapping.RunAsync(20, _ => kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), citizen.Options()).ResponseAsync);
        second.Tally().Should().BeEquivalentTo(new Dictionary<string, int> { ["OK"] = 2, ["OPEN_TICKET_LIMIT"] = 18 });

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        (await db.Tickets.CountAsync(t => t.SubmitterAccountId == Guid.Parse(citizen.AccountId))).Should().Be(10);
    }

    [Fact]
    public async Task Only_a_supervisor_restricts_a_citizen_and_a_blocked_citizen_is_refused_until_the_end_date()
    {
        var kit = Kit;
        var supervisorAccount = await Desk.EmployeeAsync("limits.sup", "+966590001501", Role.Supervisor);
        var supervisor = await Desk.SignedInAsync(supervisorAccount, "+966590001501");
        var citizen = await kit.CitizenAsync();
        var now = _factory.Clock.GetUtcNow();
        RestrictRequesterRequest Block(string accountId, DateTimeOffset until) => new()
        {
            AccountId = accountId,
            Restriction = RequesterRestriction.SubmitBlocked,
            Reason = "Repeated abusive tickets",
            ExpireTime = Timestamp.FromDateTimeOffset(until),
            RequestId = Guid.NewGuid().ToString(),
        };

        // Staff and admins are not supervisors.
        (await kit.Staff.RestrictRequesterAsync(Block(citizen.AccountId, now.AddDays(3)), (await kit.DeskAsync()).Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
        (await kit.Staff.RestrictRequesterAsync(Block(citizen.AccountId, now.AddDays(3)), (await kit.DeskAsync(Role.Admin)).Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
        (await kit.Staff.RestrictRequesterAsync(Block(supervisorAccount.AccountId, now.AddDays(3)), supervisor.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("ACCOUNT_NOT_CITIZEN");
        (await kit.Staff.RestrictRequesterAsync(Block(citizen.AccountId, now.AddDays(-1)), supervisor.Options())
            .FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("FIELD_INVALID");

        // Until 21:30 UTC three days from now, which is the next calendar day in Riyadh.
        var until = new DateTimeOffset(now.UtcDateTime.Date.AddDays(3).AddHours(21).AddMinutes(30), TimeSpan.Zero);
        var riyadhEnd = DateOnly.FromDateTime(now.UtcDateTime.Date.AddDays(4)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var restricted = await kit.Staff.RestrictRequesterAsync(Block(citizen.AccountId, until), supervisor.Options());
        restricted.Restriction.Restriction.Should().Be(RequesterRestriction.SubmitBlocked);

        var refused = await kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(), citizen.Options()).FailsWith(StatusCode.PermissionDenied);
        refused.Reason.Should().Be("REQUESTER_RESTRICTED");
        refused.Status!.Message.Should().Contain(riyadhEnd);

        var mine = await kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options());
        mine.Restriction.Restriction.Should().Be(RequesterRestriction.SubmitBlocked);
        mine.Restriction.Reason.Should().Be("Repeated abusive tickets");
        mine.Restriction.ExpireTime.ToDateTimeOffset().Should().Be(until);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            (await db.SecurityEvents.CountAsync(e => e.AccountId == Guid.Parse(citizen.AccountId) && e.Kind == SecurityEventKind.RequesterRestricted))
                .Should().Be(1);
        }

        // Expired: no longer applies.
        _factory.Clock.Advance(until - now + TimeSpan.FromMinutes(1));
        citizen = await kit.RefreshedAsync(citizen);
        (await kit.SubmitAsync(citizen)).Status.Should().Be(TicketStatus.Submitted);
        (await kit.Identity.GetMyAccountAsync(new GetMyAccountRequest(), citizen.Options())).Restriction.Should().BeNull();
    }

    [Fact]
    public async Task Under_review_before_queue_a_new_ticket_is_held_until_a_supervisor_assigns_it()
    {
        var kit = Kit;
        var category = await Desk.CategoryAsync("Held");
        var worker = await Desk.EmployeeAsync("limits.worker", "+966590001502");
        await Desk.WorksAsync(worker.AccountId, category);
        var supervisorAccount = await Desk.EmployeeAsync("limits.sup2", "+966590001503", Role.Supervisor);
        var supervisor = await Desk.SignedInAsync(supervisorAccount, "+966590001503");
        var citizen = await kit.CitizenAsync();
        await kit.Staff.RestrictRequesterAsync(new RestrictRequesterRequest
        {
            AccountId = citizen.AccountId,
            Restriction = RequesterRestriction.ReviewBeforeQueue,
            Reason = "Many duplicates",
            ExpireTime = Timestamp.FromDateTimeOffset(_factory.Clock.GetUtcNow().AddDays(30)),
        }, supervisor.Options());

        var held = await kit.SubmitAsync(citizen, TicketKit.NewTicket(categoryId: category));
        held.HeldForReview.Should().BeTrue();
        held.AssigneeAccountId.Should().BeEmpty();

        var staff = await kit.DeskAsync();
        (await kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = held.TicketId }, staff.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("TICKET_HELD_FOR_REVIEW");
        (await kit.Staff.ReplyToTicketAsync(new ReplyToTicketRequest { TicketId = held.TicketId, Body = "Hello" }, staff.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("TICKET_HELD_FOR_REVIEW");

        var released = await kit.Staff.AssignTicketAsync(
            new AssignTicketRequest { TicketId = held.TicketId, AssigneeAccountId = worker.AccountId }, supervisor.Options());
        released.Ticket.HeldForReview.Should().BeFalse();
        released.Ticket.AssigneeAccountId.Should().Be(worker.AccountId);
        released.History.Select(h => h.Action).Should().ContainInOrder("SUBMITTED", "HELD_FOR_REVIEW", "RELEASED_FROM_REVIEW", "ASSIGNED");
    }
}
