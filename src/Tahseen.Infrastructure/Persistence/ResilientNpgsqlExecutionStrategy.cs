using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Tahseen.Infrastructure.Persistence;

/// <summary>
/// Retries a unit of work whole when PostgreSQL fails it transiently: a dropped connection, a failover,
/// a serialization failure or a deadlock. The unit-of-work behaviour runs each command inside this
/// strategy, so a retry starts from a fresh transaction and a cleared change tracker.
/// <para>
/// Work that is already inside a transaction begun outside the strategy (a background job's own
/// transaction, the audit chain's lock for a lone save) runs once, as it would without retries: it
/// cannot be replayed from the middle, and its job tries again at its next pass. EF's base strategy
/// would instead refuse to run it at all.
/// </para>
/// </summary>
public sealed class ResilientNpgsqlExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 5;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private bool _insideOuterTransaction;

    protected override void OnFirstExecution()
    {
        _insideOuterTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        if (_insideOuterTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !_insideOuterTransaction && base.ShouldRetryOn(exception);
}
