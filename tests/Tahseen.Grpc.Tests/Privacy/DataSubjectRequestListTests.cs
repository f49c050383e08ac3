using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>The admins' list of data-subject requests: what is owed first, a page at a time. The clock moves, so the class has its own host.</summary>
public sealed class DataSubjectRequestListTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Open_requests_come_first_soonest_due_first_so_the_overdue_lead_and_pages_follow_on_across_both_parts()
    {
        // Three erasure requests a week apart, each kept open by an open ticket; one export completed at once.
        var requests = new List<DataSubjectRequest>();
        for (var i = 0; i < 3; i++)
        {
            var citizen = await _kit.CitizenAsync();
            await _kit.SubmitAsync(citizen);
            requests.Add((await _kit.Identity.RequestAccountErasureAsync(
                new RequestAccountErasureRequest { Password = Harness.CitizenPassword }, citizen.Options())).ErasureRequest);
            if (i == 0)
            {
                await _kit.Identity.ExportMyDataAsync(new ExportMyDataRequest(), citizen.Options());
            }

            factory.Clock.Advance(TimeSpan.FromDays(7));
        }

        // Day 40 after the first (due on days 30, 37 and 44): the first two are overdue; extending the
        // first (to day 60) moves it behind the others.
        factory.Clock.Advance(TimeSpan.FromDays(40 - 21));
        var admin = await _kit.DeskAsync(Role.Admin);
        await _kit.Admin.ExtendDataSubjectRequestAsync(
            new ExtendDataSubjectRequestRequest { DataSubjectRequestId = requests[0].RequestId, Reason = "Archives" }, admin.Options());

        var listed = new List<DataSubjectRequest>();
        var tokens = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await _kit.Admin.ListDataSubjectRequestsAsync(new ListDataSubjectRequestsRequest { PageSize = 1, PageToken = token }, admin.Options());
            listed.AddRange(page.Requests);
            token = page.NextPageToken;
            tokens.Add(token);
        }
        while (token.Length > 0);

        listed.Select(r => r.RequestId).Should().Equal(requests[1].RequestId, requests[2].RequestId, requests[0].RequestId, listed[3].RequestId);
        listed.Select(r => r.Overdue).Should().Equal(true, false, false, false);
        listed[3].Kind.Should().Be(DataSubjectRequestKind.Access);
        listed[3].Status.Should().Be(DataSubjectRequestStatus.Completed);
        listed[3].CompleteTime.Should().Be(listed[3].CreateTime);

        var open = await _kit.Admin.ListDataSubjectRequestsAsync(
            new ListDataSubjectRequestsRequest { Status = DataSubjectRequestStatus.Pending }, admin.Options());
        open.Requests.Should().HaveCount(3);
        var completed = await _kit.Admin.ListDataSubjectRequestsAsync(
            new ListDataSubjectRequestsRequest { Kind = DataSubjectRequestKind.Access }, admin.Options());
        completed.Requests.Should().ContainSingle();

        // A token belongs to its list: another filter, an altered byte, or garbage is PAGE_TOKEN_INVALID.
        (await _kit.Admin.ListDataSubjectRequestsAsync(
            new ListDataSubjectRequestsRequest { PageSize = 1, PageToken = tokens[0], Kind = DataSubjectRequestKind.Erasure }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).ViolationReasons.Should().Equal("PAGE_TOKEN_INVALID");
        var altered = (tokens[2][0] == 'A' ? 'B' : 'A') + tokens[2][1..];
        (await _kit.Admin.ListDataSubjectRequestsAsync(new ListDataSubjectRequestsRequest { PageSize = 1, PageToken = altered }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).ViolationReasons.Should().Equal("PAGE_TOKEN_INVALID");
        (await _kit.Admin.ListDataSubjectRequestsAsync(new ListDataSubjectRequestsRequest { Status = (DataSubjectRequestStatus)42 }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).ViolationReasons.Should().Equal("FIELD_INVALID");
    }
}
