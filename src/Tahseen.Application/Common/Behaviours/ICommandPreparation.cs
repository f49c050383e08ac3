namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// Work a command needs that is slow, writes nothing and depends only on what the database says now:
/// done by the <see cref="UnitOfWorkBehaviour{TRequest,TResponse}"/> before it begins the command's
/// transaction. On SQLite a transaction holds the database's one write lock from its first statement
/// (BEGIN IMMEDIATE), so work done inside it (a password hash of a few hundred milliseconds) stalls every
/// other write in the process. The handler still decides inside the transaction, on what it reads there:
/// a preparation only leaves an answer it can reuse when its inputs are the same (see
/// <see cref="Identity.PasswordChecks"/>), never a decision.
/// </summary>
public interface ICommandPreparation<in TRequest>
{
    Task PrepareAsync(TRequest request, CancellationToken cancellationToken);
}
