using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Privacy;

/// <summary>
/// The right of access: everything held about the caller, as one JSON document. A command, not a
/// query: each export is recorded as an ACCESS request and audited as a view of unmasked personal data.
/// </summary>
[RequireRoles(RoleSets.People)]
public sealed record ExportMyDataCommand : IRequest<PersonalDataExport>;

public sealed record PersonalDataExport(string DataJson, DateTimeOffset CreateTime);

/// <summary>
/// The document's shape is part of the contract (docs/contract.md, "ExportMyData document"): camelCase
/// names, ISO 8601 UTC times, enums as UPPER_SNAKE strings, absent values as null. Tickets carry their
/// public thread only; internal notes and the staff history are the service's working papers about the
/// case, not data the person gave or receives.
/// </summary>
public sealed class ExportMyDataCommandHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<ExportMyDataCommand, PersonalDataExport>
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public async Task<PersonalDataExport> Handle(ExportMyDataCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accountId = caller.AccountId;
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.SubmitterAccountId == accountId)
            .OrderBy(t => t.CreateTime).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var securityEvents = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.AccountId == accountId)
            .OrderBy(e => e.Time).ThenBy(e => e.Id)
            .Select(e => new ExportedSecurityEvent(e.Kind, e.Time, e.ClientAddress))
            .ToListAsync(cancellationToken);

        var access = DataSubjectRequest.Access(accountId, now);
        var requests = await db.DataSubjectRequests.AsNoTracking()
            .Where(r => r.AccountId == accountId)
            .OrderBy(r => r.CreateTime).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        requests.Add(access);

        var document = new ExportedData(
            FormatVersion,
            now,
            new ExportedAccount(account.Id, account.Username, RolesOf(account.Roles), account.Status, account.CreateTime, account.UpdateTime),
            new ExportedPerson(account.NationalId, account.PersonKind, account.FullName, account.MobileNumber, account.Email, BirthDate: null),
            account.TermsVersion is null ? null : new ExportedTerms(account.TermsVersion, account.TermsAcceptTime),
            [.. tickets.Select(ExportedTicket.From)],
            securityEvents,
            [.. requests.Select(r => new ExportedRequest(r.Id, r.Kind, r.Status, r.CreateTime, r.DueTime, r.CompleteTime, r.Reason))]);

        db.DataSubjectRequests.Add(access);
        db.AuditEvents.Add(new AuditEvent(
            now, accountId, PrivacyAuditActions.DataExported, "account", accountId.ToString("D"), $"request {access.Id:D}"));
        return new PersonalDataExport(JsonSerializer.Serialize(document, Json), now);
    }

    private static IReadOnlyList<string> RolesOf(AccountRoles roles) =>
        [.. Enum.GetValues<AccountRoles>().Where(r => r != AccountRoles.None && roles.HasFlag(r)).Select(r => JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.ToString()))];

    private sealed record ExportedData(
        int FormatVersion,
        DateTimeOffset ExportTime,
        ExportedAccount Account,
        ExportedPerson Person,
        ExportedTerms? AcceptedTerms,
        IReadOnlyList<ExportedTicket> Tickets,
        IReadOnlyList<ExportedSecurityEvent> SecurityEvents,
        IReadOnlyList<ExportedRequest> DataSubjectRequests);

    private sealed record ExportedAccount(
        Guid AccountId, string Username, IReadOnlyList<string> Roles, AccountStatus Status, DateTimeOffset CreateTime, DateTimeOffset UpdateTime);

    /// <summary>
    /// As held: the service keeps no birth date (the civil registry is asked for eligibility only),
    /// so birthDate is always null; it is in the document so that its absence is stated, not implied.
    /// </summary>
    private sealed record ExportedPerson(
        string? NationalId, PersonKind? PersonKind, string FullName, string MobileNumber, string? Email, string? BirthDate);

    private sealed record ExportedTerms(string Version, DateTimeOffset? AcceptTime);

    private sealed record ExportedMessage(Guid MessageId, ActorRole AuthorRole, string Body, DateTimeOffset CreateTime);

    private sealed record ExportedRating(int Score, string? Comment, DateTimeOffset CreateTime);

    private sealed record ExportedTicket(
        Guid TicketId,
        string ReferenceNumber,
        TicketType Type,
        Guid CategoryId,
        string Subject,
        string Description,
        TicketStatus Status,
        DateTimeOffset CreateTime,
        DateTimeOffset UpdateTime,
        DateTimeOffset DueTime,
        DateTimeOffset? CloseTime,
        DateTimeOffset? ContentRedactTime,
        IReadOnlyList<ExportedMessage> Messages,
        ExportedRating? Rating)
    {
        public static ExportedTicket From(Ticket t) => new(
            t.Id,
            t.ReferenceNumber,
            t.Type,
            t.CategoryId,
            t.Subject,
            t.Description,
            t.Status,
            t.CreateTime,
            t.UpdateTime,
            t.DueTime,
            t.CloseTime,
            t.ContentRedactTime,
            [.. t.Messages.OrderBy(m => m.Sequence).Select(m => new ExportedMessage(m.Id, m.AuthorRole, m.Body, m.CreateTime))],
            t.Rating is null ? null : new ExportedRating(t.Rating.Score, t.Rating.Comment, t.Rating.CreateTime));
    }

    private sealed record ExportedSecurityEvent(SecurityEventKind Kind, DateTimeOffset Time, string? ClientAddress);

    private sealed record ExportedRequest(
        Guid RequestId, DataSubjectRequestKind Kind, DataSubjectRequestStatus Status, DateTimeOffset CreateTime,
        DateTimeOffset DueTime, DateTimeOffset? CompleteTime, string? Reason);
}
