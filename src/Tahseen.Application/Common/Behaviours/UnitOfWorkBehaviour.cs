using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// One transaction per command, run inside the provider's execution strategy (which may retry the
/// whole command on a transient failure): the handler changes aggregates, this saves them (with their
/// outbox events) and commits once. An unexpected failure rolls everything back. An expected failure
/// (a <see cref="TahseenException"/>) drops every change not yet written and commits only what was
/// written by statements on purpose before it (a conditional count of a wrong guess, a spent captcha:
/// they are counted before the check so that overlapping guesses all pay). A failure raised with
/// <see cref="UnitOfWork.CommitThenFail"/> also saves the records the command made for it (a security
/// log line). Nothing else in the application begins, saves or commits. Queries pass straight through.
/// Slow work that writes nothing (a password hash) is done before the transaction begins, by the
/// command's <see cref="ICommandPreparation{TRequest}"/>s.
/// </summary>
[PipelineOrder(5)]
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(
    IApplicationDbContext db, UnitOfWork unitOfWork, IEnumerable<ICommandPreparation<TRequest>> preparations) : IPipelineBehavior<TRequest, TResponse>
{
    public static readonly bool IsCommand = typeof(TRequest).Name.EndsWith("Command", StringComparison.Ordinal);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        foreach (var preparation in preparations)
        {
            await preparation.PrepareAsync(request, cancellationToken);
        }

        var attempt = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
                unitOfWork.RolledBack();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            TResponse response;
            try
            {
                response = await next();
            }
            catch (UnitOfWork.RecordedFailure)
            {
                // What the command recorded commits (a revoked token family among it), so what follows a
                // commit runs too.
                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                unitOfWork.Committed();
                throw;
            }
            catch (TahseenException)
            {
                db.ChangeTracker.Clear();
                unitOfWork.RolledBack();
                await transaction.CommitAsync(CancellationToken.None);
                throw;
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            unitOfWork.Committed();
            return response;
        }, cancellationToken);
    }
}
