namespace Tahseen.Infrastructure.Persistence;

/// <summary>
/// The closure reason of tickets that became final before closure reasons existed, derived from
/// their status and, for a closed ticket, the history entry that closed it: a rating (RATED), the
/// automatic close (AUTO_CLOSED), otherwise staff (CLOSED_BY_STAFF). Withdrawn and rejected tickets
/// take WITHDRAWN and REJECTED_OUT_OF_SCOPE. The outcome of tickets resolved before outcomes existed
/// is not known and stays unset. Run once by the Desk_Lifecycle migration of each provider; only rows
/// without a reason are touched, so running it again changes nothing.
/// </summary>
public static class DeskLifecycleBackfill
{
    // Enum values as stored (integers): TicketStatus Closed 5, Withdrawn 6, Rejected 7; TicketAction
    // Rated 11, AutoClosed 13; ClosureReason Rated 1, AutoClosed 2, Withdrawn 3, RejectedOutOfScope 4,
    // ClosedByStaff 7.
    private const string Statements = """
        UPDATE tickets SET "ClosureReason" = 3 WHERE "Status" = 6 AND "ClosureReason" IS NULL;
        UPDATE tickets SET "ClosureReason" = 4 WHERE "Status" = 7 AND "ClosureReason" IS NULL;
        UPDATE tickets SET "ClosureReason" = CASE (
                SELECT h."Action" FROM ticket_history h
                WHERE h."TicketId" = tickets."Id" AND h."ToStatus" = 5
                ORDER BY h."Sequence" DESC LIMIT 1)
            WHEN 11 THEN 1
            WHEN 13 THEN 2
            ELSE 7 END
        WHERE "Status" = 5 AND "ClosureReason" IS NULL;
        """;

    /// <summary>For SQLite: the same statements (both providers quote identifiers alike and know LIMIT).</summary>
    public const string Sqlite = Statements;

    /// <summary>For PostgreSQL.</summary>
    public const string PostgreSql = Statements;
}
