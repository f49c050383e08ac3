namespace Tahseen.Infrastructure.Persistence;

/// <summary>
/// Starts the stop-the-clock ledger for tickets that existed before it. Every ticket's due time without
/// pauses is its due time as it stands (the pauses before the ledger moved it by calendar time, which
/// is not known any more). A ticket waiting for its submitter gets its open pause as a ledger entry
/// (WAITING_FOR_CITIZEN, since the time it began, by whoever asked the question), so that the next
/// move ends it in working time like any other. Run once by the Calendar_Pauses migration of each
/// provider.
/// </summary>
public static class PauseLedgerBackfill
{
    // Enum values as stored (integers): TicketAction InformationRequested 4; PauseReason
    // WaitingForCitizen 1. The entry is named by the ticket's version, below every version to come.
    // The question's asker is always in the history; the assignee and then the submitter only keep the
    // column filled should a history have been cut short.
    private const string Statements = """
        UPDATE tickets SET "UnpausedDueTime" = "DueTime";
        INSERT INTO ticket_pauses ("TicketId", "Sequence", "Reason", "Party", "PausedByAccountId", "StartTime", "EndTime", "WorkingDuration")
        SELECT t."Id", t."Version", 1, NULL,
            COALESCE((
                SELECT h."ActorAccountId" FROM ticket_history h
                WHERE h."TicketId" = t."Id" AND h."Action" = 4
                ORDER BY h."Sequence" DESC LIMIT 1), t."AssigneeAccountId", t."SubmitterAccountId"),
            t."PausedSince", NULL, NULL
        FROM tickets t
        WHERE t."PausedSince" IS NOT NULL;
        UPDATE tickets SET "PauseCount" = 1 WHERE "PausedSince" IS NOT NULL;
        """;

    /// <summary>For SQLite: the same statements (both providers quote identifiers alike and know LIMIT).</summary>
    public const string Sqlite = Statements;

    /// <summary>For PostgreSQL.</summary>
    public const string PostgreSql = Statements;
}
