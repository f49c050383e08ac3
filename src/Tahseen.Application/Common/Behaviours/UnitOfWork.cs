using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// The command's one transaction as use cases may touch it. They never begin, save or commit it (the
/// <see cref="UnitOfWorkBehaviour{TRequest,TResponse}"/> does, once); they only ask for the two things a
/// command sometimes needs before it ends: to write now, inside the transaction, so that a unique key
/// settles a race at this point, and to fail while keeping a record of the failure.
/// </summary>
public sealed class UnitOfWork(IApplicationDbContext db)
{
    private const string UndoPoint = "unit_of_work_step";

    private readonly List<Action> _afterCommit = [];

    /// <summary>
    /// Ends the command with <paramref name="reason"/> after the unit of work has committed what the
    /// command recorded: a counted wrong password, a security-log line, a revoked token family. Any
    /// other expected failure drops every record the command had not written yet.
    /// </summary>
    public static TahseenException CommitThenFail(ErrorReason reason) => new RecordedFailure(reason);

    /// <summary>
    /// Writes the changes made so far inside the command's transaction (nothing commits before the
    /// command ends), so that a unique key decides a race here: the loser gets a
    /// <see cref="DbUpdateException"/>, its statements rolled back to a savepoint of their own.
    /// </summary>
    public Task WriteAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="steps"/> and writes what they changed as one step: when the write loses a
    /// race on a unique key, everything the steps did (their own statements included) is undone and the
    /// <see cref="DbUpdateException"/> rethrown, and the command's transaction goes on.
    /// </summary>
    public async Task WriteAsOneStepAsync(Func<Task> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A step is written inside its command's transaction.");
        await transaction.CreateSavepointAsync(UndoPoint, cancellationToken);
        try
        {
            await steps();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackToSavepointAsync(UndoPoint, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> in this process once the command has committed (never if it rolls
    /// back): for what must follow the database, such as a cache of what was just written.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _afterCommit.Add(action);
    }

    internal void Committed()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }

        _afterCommit.Clear();
    }

    internal void RolledBack() => _afterCommit.Clear();

    /// <summary>Handled by the unit-of-work behaviour: save what is pending, commit, then answer with the error.</summary>
    internal sealed class RecordedFailure(ErrorReason reason) : TahseenException(reason);
}
