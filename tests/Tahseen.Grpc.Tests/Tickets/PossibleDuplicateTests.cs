using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>
/// SubmitTicket files the ticket and lists the same submitter's tickets of the category that read like
/// it (spelling normalised); staff GetTicket shows the same list.
/// </summary>
public sealed class PossibleDuplicateTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const string BirthCategory = "0b7f3c4e-0001-4a6e-9c1d-5a0000000003";

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_near_duplicate_in_Arabic_with_other_spellings_lists_the_first_ticket_and_an_unrelated_one_does_not()
    {
        var citizen = await _kit.CitizenAsync();
        var staff = await _kit.DeskAsync();
        var first = await SubmitAsync(citizen, "تأخر إصدار شهادة الميلاد لابني", "تقدمت بطلب شهادة الميلاد قبل أسبوعين ولم تصدر حتى الآن.");

        // Hamza, taa marbuta and a missing article: the same matter, spelt as another writer would.
        var nearDuplicate = await _kit.Tickets.SubmitTicketAsync(
            Request("تاخر اصدار شهاده ميلاد ابني", "قدمت طلب شهاده الميلاد من اسبوعين وما صدرت"), citizen.Options());
        var unrelated = await _kit.Tickets.SubmitTicketAsync(
            Request("طلب تجديد موعد في فرع جدة", "أرغب في تغيير موعدي إلى الأسبوع القادم."), citizen.Options());

        nearDuplicate.Ticket.Status.Should().Be(TicketStatus.Submitted);
        nearDuplicate.PossibleDuplicates.Should().ContainSingle().Which.Should().BeEquivalentTo(new PossibleDuplicate
        {
            TicketId = first.TicketId,
            ReferenceNumber = first.ReferenceNumber,
            Subject = first.Subject,
            Status = TicketStatus.Submitted,
        });
        unrelated.Ticket.Status.Should().Be(TicketStatus.Submitted);
        unrelated.PossibleDuplicates.Should().BeEmpty();

        var deskView = await _kit.Staff.GetTicketAsync(
            new StaffTicketServiceGetTicketRequest { TicketId = nearDuplicate.Ticket.TicketId }, staff.Options());
        deskView.PossibleDuplicates.Should().Equal(nearDuplicate.PossibleDuplicates);
        (await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = first.TicketId }, staff.Options()))
            .PossibleDuplicates.Select(d => d.TicketId).Should().Equal(nearDuplicate.Ticket.TicketId);
    }

    [Fact]
    public async Task Only_the_same_submitter_s_tickets_of_the_same_category_are_listed()
    {
        var citizen = await _kit.CitizenAsync();
        var other = await _kit.CitizenAsync();
        await SubmitAsync(other, "Lost national ID card", "Lost it in Riyadh last week.");
        await SubmitAsync(citizen, "Lost national ID card", "Lost it in Riyadh last week.", TicketKit.OtherCategory);

        var answer = await _kit.Tickets.SubmitTicketAsync(Request("lost National ID card!", "lost it in riyadh last week"), citizen.Options());

        answer.PossibleDuplicates.Should().BeEmpty();
    }

    [Fact]
    public async Task At_most_five_are_listed_most_alike_first_with_tickets_closed_in_the_last_thirty_days_but_not_before()
    {
        var harness = _kit.Harness;
        var (account, identity, _) = await harness.RegisterCitizenAsync();
        async Task<Caller> SignInAsync()
        {
            var session = await harness.SignInAsync(identity.NationalId, Harness.CitizenPassword, identity.MobileNumber);
            return new Caller(account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
        }

        var citizen = await SignInAsync();
        var withdrawn = await SubmitAsync(citizen, "National ID card renewal", "Renewal is pending.");
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = withdrawn.TicketId }, citizen.Options());
        factory.Clock.Advance(TimeSpan.FromDays(31));
        citizen = await SignInAsync();
        var recent = await SubmitAsync(citizen, "National ID card renewal", "Withdrawn within the month.");
        await _kit.Tickets.WithdrawTicketAsync(new WithdrawTicketRequest { TicketId = recent.TicketId }, citizen.Options());
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var exact = await SubmitAsync(citizen, "National ID card renewal", "First.");
        var alike = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            alike.Add(await SubmitAsync(citizen, "Renewal of my national ID card", $"Ticket {i}."));
        }

        var answer = await _kit.Tickets.SubmitTicketAsync(Request("National ID card renewal", "Again."), citizen.Options());

        answer.PossibleDuplicates.Should().HaveCount(5);
        // Equally alike, the newer first; then three of the five that share fewer trigrams.
        answer.PossibleDuplicates.Take(2).Select(d => (d.TicketId, d.Status)).Should().Equal(
            (exact.TicketId, TicketStatus.Submitted), (recent.TicketId, TicketStatus.Withdrawn));
        answer.PossibleDuplicates.Skip(2).Select(d => d.TicketId).Should().BeSubsetOf(alike.Select(t => t.TicketId));
        answer.PossibleDuplicates.Select(d => d.TicketId).Should().NotContain(withdrawn.TicketId);
    }

    private async Task<Ticket> SubmitAsync(Caller citizen, string subject, string description, string category = BirthCategory) =>
        (await _kit.Tickets.SubmitTicketAsync(Request(subject, description, category), citizen.Options())).Ticket;

    private static SubmitTicketRequest Request(string subject, string description, string category = BirthCategory) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Type = TicketType.Complaint,
        CategoryId = category,
        Subject = subject,
        Description = description,
    };
}
