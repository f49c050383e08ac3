using Tahseen.Domain.Tickets;

namespace Tahseen.Application.CannedResponses;

public sealed record CannedResponseDto(
    Guid CannedResponseId,
    Guid? CategoryId,
    TicketType? Type,
    string TitleAr,
    string TitleEn,
    string BodyAr,
    string BodyEn,
    bool Active,
    DateTimeOffset UpdateTime)
{
    public static CannedResponseDto From(CannedResponse response) => new(
        response.Id,
        response.CategoryId,
        response.Type,
        response.TitleAr,
        response.TitleEn,
        response.BodyAr,
        response.BodyEn,
        response.Active,
        response.UpdateTime);
}

/// <summary>The audit actions of the canned-response set, which admins keep.</summary>
public static class CannedResponseAuditActions
{
    public const string SubjectType = "canned_response";
    public const string Created = "CANNED_RESPONSE_CREATED";
    public const string Updated = "CANNED_RESPONSE_UPDATED";
}
