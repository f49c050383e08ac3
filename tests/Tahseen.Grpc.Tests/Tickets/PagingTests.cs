using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed class PagingTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Paging_through_my_tickets_while_new_ones_arrive_skips_none_and_repeats_none()
    {
        var citizen = await _kit.CitizenAsync();
        var existing = new List<Ticket>();
        for (var i = 0; i < 7; i++)
        {
            existing.Add(await _kit.SubmitAsync(citizen));
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<Ticket>();
        var token = string.Empty;
        do
        {
            var page = await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = 3, PageToken = token }, citizen.Options());
            page.Tickets.Count.Should().BeLessThanOrEqualTo(3);
            seen.AddRange(page.Tickets);
            token = page.NextPageToken;
            await _kit.SubmitAsync(citizen);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        while (token.Length > 0);

        seen.Select(t => t.TicketId).Should().Equal(existing.Select(t => t.TicketId).Reverse(), "newest first, each exactly once");
    }

    [Fact]
    public async Task Lists_carry_each_ticket_without_its_thread_and_GetTicket_answers_the_thread()
    {
        var citizen = await _kit.CitizenAsync();
        var ticket = await _kit.SubmitAsync(citizen);
        await _kit.Tickets.AddTicketMessageAsync(new AddTicketMessageRequest { TicketId = ticket.TicketId, Body = "One more detail." }, citizen.Options());
        var staff = await _kit.DeskAsync();

        var mine = (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest(), citizen.Options())).Tickets.Single(t => t.TicketId == ticket.TicketId);
        var queued = (await _kit.Staff.ListTicketsAsync(new ListTicketsRequest { PageSize = 100 }, staff.Options())).Tickets
            .Single(t => t.TicketId == ticket.TicketId);
        var full = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = ticket.TicketId }, citizen.Options())).Ticket;

        full.Messages.Should().Contain(m => m.Body == "One more detail.");
        mine.Messages.Should().BeEmpty();
        queued.Messages.Should().BeEmpty();
        var lessThread = full.Clone();
        lessThread.Messages.Clear();
        mine.Should().Be(lessThread, "a list row is the ticket itself, less the thread");
    }

    [Fact]
    public async Task Tickets_filed_in_the_same_instant_are_paged_without_gaps_or_repeats()
    {
        var citizen = await _kit.CitizenAsync();
        var filed = await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => _kit.SubmitAsync(citizen)));

        var seen = new List<string>();
        var request = new ListMyTicketsRequest { PageSize = 4 };
        do
        {
            var page = await _kit.Tickets.ListMyTicketsAsync(request, citizen.Options());
            seen.AddRange(page.Tickets.Select(t => t.TicketId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        seen.Should().BeEquivalentTo(filed.Select(t => t.TicketId)).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Filters_pick_by_status_and_type()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var inquiry = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry));
        var complaint = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));
        await _kit.Staff.AssignTicketAsync(new AssignTicketRequest { TicketId = complaint.TicketId }, staff.Options());

        var inquiries = await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { Type = TicketType.Inquiry }, citizen.Options());
        var inProgress = await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { Status = TicketStatus.InProgress }, citizen.Options());

        inquiries.Tickets.Select(t => t.TicketId).Should().Equal(inquiry.TicketId);
        inProgress.Tickets.Select(t => t.TicketId).Should().Equal(complaint.TicketId);
    }

    [Fact]
    public async Task A_page_token_works_only_for_the_caller_and_the_filters_it_was_made_for()
    {
        var owner = await _kit.CitizenAsync();
        var other = await _kit.CitizenAsync();
        await _kit.SubmitAsync(owner);
        await _kit.SubmitAsync(owner);
        var token = (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = 1 }, owner.Options())).NextPageToken;
        token.Should().NotBeEmpty();

        var requests = new (ListMyTicketsRequest Request, Caller Caller)[]
        {
            (new ListMyTicketsRequest { PageSize = 1, PageToken = token }, other),
            (new ListMyTicketsRequest { PageSize = 1, PageToken = token, Type = TicketType.Complaint }, owner),
            (new ListMyTicketsRequest { PageSize = 1, PageToken = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1] }, owner),
            (new ListMyTicketsRequest { PageToken = "not a token" }, owner),
        };

        foreach (var (request, caller) in requests)
        {
            var error = await _kit.Tickets.ListMyTicketsAsync(request, caller.Options()).FailsWith(StatusCode.InvalidArgument);
            error.BadRequest!.FieldViolations.Should().ContainSingle().Which.Should().Match<Google.Rpc.BadRequest.Types.FieldViolation>(v =>
                v.Field == "page_token" && v.Reason == "PAGE_TOKEN_INVALID");
        }
    }

    [Fact]
    public async Task Page_size_defaults_to_twenty_is_capped_at_a_hundred_and_may_not_be_negative()
    {
        var citizen = await _kit.CitizenAsync();
        await Task.WhenAll(Enumerable.Range(0, 21).Select(_ => _kit.SubmitAsync(citizen)));

        (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest(), citizen.Options())).Tickets.Should().HaveCount(20);
        (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = 1000 }, citizen.Options())).Tickets.Should().HaveCount(21);
        (await _kit.Tickets.ListMyTicketsAsync(new ListMyTicketsRequest { PageSize = -1 }, citizen.Options()).FailsWith(StatusCode.InvalidArgument))
            .BadRequest!.FieldViolations.Should().ContainSingle().Which.Field.Should().Be("page_size");
    }

    [Fact]
    public async Task The_staff_queue_is_ordered_by_due_time_and_filters_overdue_tickets()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var category = (await _kit.Admin.CreateCategoryAsync(
            new CreateCategoryRequest { NameAr = "فئة الطابور", NameEn = "Queue category" }, (await _kit.DeskAsync(Role.Admin)).Options())).Category;
        var suggestion = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Suggestion, categoryId: category.CategoryId));
        var complaint = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint, categoryId: category.CategoryId));
        var inquiry = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Inquiry, categoryId: category.CategoryId));

        var queue = await PagesAsync(staff, new ListTicketsRequest { CategoryId = category.CategoryId, PageSize = 2 });
        queue.Select(t => t.TicketId).Should().Equal(inquiry.TicketId, complaint.TicketId, suggestion.TicketId);

        // Past the inquiry's three working days and the complaint's five, not the suggestion's ten.
        factory.Clock.Advance(TimeSpan.FromDays(8));
        staff = await _kit.DeskAsync();
        await _kit.Staff.RequestInformationAsync(
            new RequestInformationRequest { TicketId = complaint.TicketId, Body = "Which office?" }, staff.Options());

        var overdue = await PagesAsync(staff, new ListTicketsRequest { CategoryId = category.CategoryId, OverdueOnly = true });
        overdue.Select(t => t.TicketId).Should().Equal([inquiry.TicketId], "a ticket waiting for the citizen has its clock paused");

        var mine = await PagesAsync(staff, new ListTicketsRequest { AssigneeAccountId = staff.AccountId });
        mine.Should().BeEmpty("asking for information does not assign");
        var waiting = await PagesAsync(staff, new ListTicketsRequest { Status = TicketStatus.WaitingForCitizen, Type = TicketType.Complaint });
        waiting.Select(t => t.TicketId).Should().Contain(complaint.TicketId);
    }

    private async Task<List<Ticket>> PagesAsync(Caller staff, ListTicketsRequest request)
    {
        var tickets = new List<Ticket>();
        do
        {
            var page = await _kit.Staff.ListTicketsAsync(request, staff.Options());
            tickets.AddRange(page.Tickets);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return tickets;
    }
}
