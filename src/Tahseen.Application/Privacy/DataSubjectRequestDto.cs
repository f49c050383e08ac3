using Tahseen.Domain.Privacy;

namespace Tahseen.Application.Privacy;

/// <summary>A data-subject request as admins and its holder see it: ids and times, never the person's own words.</summary>
public sealed record DataSubjectRequestDto(
    Guid RequestId,
    Guid AccountId,
    DataSubjectRequestKind Kind,
    DataSubjectRequestStatus Status,
    DateTimeOffset CreateTime,
    DateTimeOffset DueTime,
    DateTimeOffset? CompleteTime,
    DateTimeOffset? ExtendTime,
    string ExtensionReason,
    bool Overdue)
{
    public static DataSubjectRequestDto From(DataSubjectRequest request, DateTimeOffset now) => new(
        request.Id,
        request.AccountId,
        request.Kind,
        request.Status,
        request.CreateTime,
        request.DueTime,
        request.CompleteTime,
        request.ExtendTime,
        request.ExtensionReason ?? string.Empty,
        request.IsOverdue(now));
}

public sealed record DataSubjectRequestPage(IReadOnlyList<DataSubjectRequestDto> Requests, string NextPageToken);

/// <summary>The audit actions of data-subject rights (UPPER_SNAKE, subjects by id only).</summary>
public static class PrivacyAuditActions
{
    public const string SubjectType = "data_subject_request";
    public const string DataExported = "PERSONAL_DATA_EXPORTED";
    public const string ErasureRequested = "ERASURE_REQUESTED";
    public const string ErasureCompleted = "ERASURE_COMPLETED";
    public const string EmailCorrected = "CORRECTION_EMAIL_UPDATED";
    public const string RequestExtended = "DATA_SUBJECT_REQUEST_EXTENDED";
    public const string TicketContentRedacted = "TICKET_CONTENT_REDACTED";
}
