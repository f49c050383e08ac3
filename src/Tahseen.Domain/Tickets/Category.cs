using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// A Civil Affairs topic a ticket is filed under. Categories are never deleted: an inactive one is
/// no longer offered to citizens, while tickets filed under it keep it.
/// </summary>
public sealed class Category
{
    public const int MaxNameLength = 100;

    private Category()
    {
        NameAr = string.Empty;
        NameEn = string.Empty;
    }

    public Category(Guid id, string nameAr, string nameEn, int position)
    {
        Id = id;
        NameAr = RequireName(nameAr, "name_ar");
        NameEn = RequireName(nameEn, "name_en");
        Position = position;
        Active = true;
    }

    public Guid Id { get; private set; }

    public string NameAr { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>Display order in lists offered to citizens.</summary>
    public int Position { get; private set; }

    public bool Active { get; private set; }

    /// <summary>
    /// How many new tickets of the category were offered for automatic assignment. Its real use is as a
    /// lock row: each submit updates it before counting the staff's open tickets, so that two submits
    /// in one category take turns (the SQLite write lock, or this row's lock on PostgreSQL).
    /// </summary>
    public long AutoAssignCount { get; private set; }

    public void Update(string nameAr, string nameEn, bool active)
    {
        NameAr = RequireName(nameAr, "name_ar");
        NameEn = RequireName(nameEn, "name_en");
        Active = active;
    }

    private static string RequireName(string name, string field) =>
        string.IsNullOrWhiteSpace(name) ? throw TahseenException.ForField(field, ErrorReason.FieldRequired) : name;
}
