namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// Gap-safe cursors on PostgreSQL, as SQL for the migration that creates <c>outbox_events</c>.
/// <para>
/// Identity values are handed out when a row is inserted but become visible when its transaction
/// commits, and transactions commit in any order: a reader that had seen cursor 12 could later find 11
/// appear and never read it. So a statement-level trigger takes a transaction-scoped advisory lock
/// before any outbox row of the statement is formed (before its identity value is drawn) and keeps it
/// until the transaction ends: transactions that write events take cursors one after another and
/// commit in that same order, and a committed cursor never has an uncommitted one below it. The lock is
/// held only from a transaction's first event insert to its commit (events are written by the last
/// save of a unit of work); SQLite gets the same order from its single writer.
/// </para>
/// <para>
/// A second trigger sends <c>NOTIFY tahseen_outbox</c>, which PostgreSQL delivers when (and only if)
/// the transaction commits, once per transaction: it wakes the readers of every replica
/// (<see cref="OutboxNotificationListener"/>).
/// </para>
/// </summary>
public static class OutboxCommitOrder
{
    /// <summary>The advisory lock key: any fixed 64-bit number no other code of this database uses.</summary>
    public const long LockKey = 0x7461_6873_6565_6E01;

    public static readonly string CreateTriggers = $"""
        CREATE FUNCTION outbox_events_take_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({LockKey});
            RETURN NULL;
        END $$;

        CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{OutboxNotificationListener.Channel}', '');
            RETURN NULL;
        END $$;

        CREATE TRIGGER outbox_events_commit_order BEFORE INSERT ON outbox_events
            FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_take_commit_order();

        CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
            FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();
        """;

    public const string DropTriggers = """
        DROP TRIGGER IF EXISTS outbox_events_notify ON outbox_events;
        DROP TRIGGER IF EXISTS outbox_events_commit_order ON outbox_events;
        DROP FUNCTION IF EXISTS outbox_events_notify();
        DROP FUNCTION IF EXISTS outbox_events_take_commit_order();
        """;
}
