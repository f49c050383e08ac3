namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Serialises a check-then-write that spans several rows, where no single row's lock, conditional
/// UPDATE or unique key can decide the race: "is another admin still active?", "who is least loaded?".
/// The lock is held by the command's transaction until it commits or rolls back, so whoever takes it
/// second reads what the first committed. On SQLite the command's transaction already holds the one
/// write lock (it begins IMMEDIATE); on PostgreSQL it is a transaction-scoped advisory lock.
/// </summary>
public interface ICommandLocks
{
    Task LockAsync(CommandLock name, CancellationToken cancellationToken);
}

/// <summary>What a command locks; each name is one lock across every replica.</summary>
public enum CommandLock
{
    /// <summary>The set of active administrators (never leave none).</summary>
    Administrators = 1,

    /// <summary>The holidays of the working calendar (each change recomputes due times from the last).</summary>
    Calendar = 3,
}
