using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

public sealed class CategoryAdminTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task A_retired_category_is_no_longer_offered_but_its_tickets_keep_it()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var citizen = await _kit.CitizenAsync();
        var category = (await _kit.Admin.CreateCategoryAsync(
            new CreateCategoryRequest { NameAr = " بطاقة العائلة ", NameEn = "Family card" }, admin.Options())).Category;
        category.Should().Match<Category>(c => c.Active && c.NameAr == "بطاقة العائلة");
        (await OfferedAsync(citizen)).Should().Contain(c => c.CategoryId == category.CategoryId);
        var request = TicketKit.NewTicket(categoryId: category.CategoryId);
        var filed = await _kit.SubmitAsync(citizen, request);

        var retired = (await _kit.Admin.UpdateCategoryAsync(new UpdateCategoryRequest
        {
            CategoryId = category.CategoryId, NameAr = category.NameAr, NameEn = category.NameEn, Active = false,
        }, admin.Options())).Category;

        retired.Active.Should().BeFalse();
        (await OfferedAsync(citizen)).Should().NotContain(c => c.CategoryId == category.CategoryId);
        (await OfferedAsync(admin)).Should().Contain(c => c.CategoryId == category.CategoryId && !c.Active, "staff still need its name");
        (await _kit.Tickets.SubmitTicketAsync(TicketKit.NewTicket(categoryId: category.CategoryId), citizen.Options())
            .FailsWith(StatusCode.FailedPrecondition)).Reason.Should().Be("CATEGORY_INACTIVE");
        (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = filed.TicketId }, citizen.Options()))
            .Ticket.CategoryId.Should().Be(category.CategoryId);
        (await _kit.SubmitAsync(citizen, request.Clone())).TicketId.Should().Be(filed.TicketId, "a retry still finds its ticket");
    }

    [Fact]
    public async Task Category_names_are_unique_in_each_language_regardless_of_case()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var first = (await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "الجوازات", NameEn = "Passports" }, admin.Options())).Category;
        var second = (await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "الإقامة", NameEn = "Residency" }, admin.Options())).Category;

        (await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "جديدة", NameEn = "PASSPORTS" }, admin.Options())
            .FailsWith(StatusCode.AlreadyExists)).Reason.Should().Be("CATEGORY_EXISTS");
        (await _kit.Admin.UpdateCategoryAsync(new UpdateCategoryRequest
        {
            CategoryId = second.CategoryId, NameAr = first.NameAr, NameEn = "Residency", Active = true,
        }, admin.Options()).FailsWith(StatusCode.AlreadyExists)).Reason.Should().Be("CATEGORY_EXISTS");

        var renamed = await _kit.Admin.UpdateCategoryAsync(new UpdateCategoryRequest
        {
            CategoryId = first.CategoryId, NameAr = first.NameAr, NameEn = "Passports and travel", Active = true,
        }, admin.Options());
        renamed.Category.NameEn.Should().Be("Passports and travel");
    }

    [Fact]
    public async Task Bad_names_and_unknown_categories_are_refused()
    {
        var admin = await _kit.DeskAsync(Role.Admin);

        var error = await _kit.Admin.CreateCategoryAsync(new CreateCategoryRequest { NameAr = "", NameEn = new string('x', 101) }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument);
        error.BadRequest!.FieldViolations.Select(v => (v.Field, v.Reason)).Should().BeEquivalentTo(new[]
        {
            ("name_ar", "FIELD_REQUIRED"), ("name_en", "FIELD_TOO_LONG"),
        });
        (await _kit.Admin.UpdateCategoryAsync(new UpdateCategoryRequest
        {
            CategoryId = Guid.NewGuid().ToString(), NameAr = "أ", NameEn = "A",
        }, admin.Options()).FailsWith(StatusCode.NotFound)).Reason.Should().Be("CATEGORY_NOT_FOUND");
    }

    private async Task<IReadOnlyList<Category>> OfferedAsync(Caller caller) =>
        (await _kit.Tickets.ListCategoriesAsync(new ListCategoriesRequest(), caller.Options())).Categories;
}
