using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Foundation;

public sealed class ReferenceDataTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly IdentityService.IdentityServiceClient _identity = new(factory.CreateChannel());
    private readonly TicketService.TicketServiceClient _tickets = new(factory.CreateChannel());

    [Fact]
    public async Task Terms_in_force_come_with_every_clause_in_Arabic_and_English()
    {
        var terms = await _identity.GetTermsAsync(new GetTermsRequest());

        terms.Version.Should().NotBeNullOrWhiteSpace();
        terms.Clauses.Should().HaveCountGreaterThanOrEqualTo(4);
        terms.Clauses.Should().OnlyContain(c => c.TextAr.Length > 0 && c.TextEn.Length > 0);
        terms.Clauses[0].TextEn.Should().Contain("terms and conditions");
    }

    [Fact]
    public async Task Categories_are_the_Civil_Affairs_topics_in_both_languages()
    {
        var response = await _tickets.ListCategoriesAsync(new ListCategoriesRequest());

        response.Categories.Select(c => c.NameEn).Should().Contain(
            ["National ID card", "Family register", "Birth registration", "Death registration",
             "Marriage and divorce registration", "Correction of civil data", "Appointments",
             "E-services", "Staff conduct", "Other"]);
        response.Categories.Should().OnlyContain(c => c.Active && c.NameAr.Length > 0);
        response.Categories.Select(c => Guid.Parse(c.CategoryId)).Should().OnlyHaveUniqueItems();
    }
}
