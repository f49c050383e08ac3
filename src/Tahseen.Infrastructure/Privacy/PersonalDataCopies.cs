using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Domain.Privacy;
using Tahseen.Infrastructure.Outbox;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Privacy;

/// <summary>
/// The copies this layer keeps. Outbox payloads hold ids, actions and roles only; the snapshot beside
/// each is the ticket's public view as that change left it, so its texts are redacted the way the
/// ticket's own are (the statuses and times in it stay: the change feed still tells what happened).
/// The sandbox inbox is keyed by the mobile's lookup hash.
/// </summary>
public sealed class PersonalDataCopies(TahseenDbContext db, IPersonalDataLookup lookup) : IPersonalDataCopies
{
    public async Task RedactTicketCopiesAsync(IReadOnlyCollection<Guid> ticketIds, CancellationToken cancellationToken)
    {
        if (ticketIds.Count == 0)
        {
            return;
        }

        var events = await db.OutboxEvents.Where(e => ticketIds.Contains(e.StreamId)).ToListAsync(cancellationToken);
        foreach (var outboxEvent in events)
        {
            db.Entry(outboxEvent).Property(e => e.Snapshot).CurrentValue = RedactSnapshot(outboxEvent.Snapshot);
        }
    }

    public async Task EraseAccountCopiesAsync(Guid accountId, string? mobileNumber, CancellationToken cancellationToken)
    {
        // The stored first answers of the account's idempotent calls repeat its tickets' texts.
        await db.IdempotentRequests.Where(r => r.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        if (!string.IsNullOrEmpty(mobileNumber))
        {
            await db.SandboxSmsMessages.Matching(lookup.MobileNumber(mobileNumber)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The fields of <c>TicketDto</c> (as <see cref="DomainEventTypes.Json"/> names them) that carry free text.</summary>
    public static string RedactSnapshot(string snapshot)
    {
        if (JsonNode.Parse(snapshot) is not JsonObject ticket)
        {
            return snapshot;
        }

        Redact(ticket, "subject");
        Redact(ticket, "description");
        if (ticket["messages"] is JsonArray messages)
        {
            foreach (var message in messages.OfType<JsonObject>())
            {
                Redact(message, "body");
            }
        }

        if (ticket["rating"] is JsonObject rating)
        {
            Redact(rating, "comment");
        }

        return ticket.ToJsonString(DomainEventTypes.Json);
    }

    private static void Redact(JsonObject owner, string name)
    {
        if (owner[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            owner[name] = PersonalContent.Redacted;
        }
    }
}
