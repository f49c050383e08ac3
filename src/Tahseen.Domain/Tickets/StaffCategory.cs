namespace Tahseen.Domain.Tickets;

/// <summary>
/// A category a staff member works: new tickets of the category may be given to them automatically,
/// and their queue shows the category by default.
/// </summary>
public sealed class StaffCategory
{
    private StaffCategory()
    {
    }

    public StaffCategory(Guid accountId, Guid categoryId)
    {
        AccountId = accountId;
        CategoryId = categoryId;
    }

    public Guid AccountId { get; private set; }

    public Guid CategoryId { get; private set; }
}
