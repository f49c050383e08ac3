using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// A prepared answer that staff send with one click, in Arabic and English, for one category and type
/// or (left empty) for all of them. Admins keep the set; retiring one hides it from staff and keeps it
/// for the messages that name it.
/// </summary>
public sealed class CannedResponse
{
    public const int MaxTitleLength = 120;

    private CannedResponse()
    {
    }

    public CannedResponse(
        Guid id, Guid? categoryId, TicketType? type, string titleAr, string titleEn, string bodyAr, string bodyEn, bool active, DateTimeOffset now)
    {
        Id = id;
        CreateTime = now;
        Update(categoryId, type, titleAr, titleEn, bodyAr, bodyEn, active, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The category it is offered for; null for every category.</summary>
    public Guid? CategoryId { get; private set; }

    /// <summary>The ticket type it is offered for; null for every type.</summary>
    public TicketType? Type { get; private set; }

    public string TitleAr { get; private set; } = string.Empty;

    public string TitleEn { get; private set; } = string.Empty;

    public string BodyAr { get; private set; } = string.Empty;

    public string BodyEn { get; private set; } = string.Empty;

    public bool Active { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public void Update(
        Guid? categoryId, TicketType? type, string titleAr, string titleEn, string bodyAr, string bodyEn, bool active, DateTimeOffset now)
    {
        TitleAr = Require(titleAr, "title_ar");
        TitleEn = Require(titleEn, "title_en");
        BodyAr = Require(bodyAr, "body_ar");
        BodyEn = Require(bodyEn, "body_en");
        ResponseTemplate.Validate(BodyAr, "body_ar");
        ResponseTemplate.Validate(BodyEn, "body_en");
        CategoryId = categoryId;
        Type = type;
        Active = active;
        UpdateTime = now;
    }

    /// <summary>Whether staff may send it on a ticket of this category and type.</summary>
    public bool AppliesTo(Guid categoryId, TicketType type) =>
        Active && (CategoryId is null || CategoryId == categoryId) && (Type is null || Type == type);

    public string BodyIn(Language language) => language == Language.English ? BodyEn : BodyAr;

    private static string Require(string text, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw TahseenException.ForField(field, ErrorReason.FieldRequired) : text;
}
