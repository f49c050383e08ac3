using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// One transaction per command, run inside the provider's execution strategy (which may retry the
/// whole command on a transient failure): the handler changes aggregates, this saves them (with their
/// outbox events) and commits once. An unexpected failure rolls everything back. An expected failure
/// (a <see cref="TahseenException"/>) keeps only what the handler flushed on purpose before raising it,
/// such as a counted wrong password or a spent captcha, and drops every unsaved change. Queries pass
/// straight through.
/// </summary>
[PipelineOrder(5)]
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public static readonly bool IsCommand = typeof(TRequest).Name.EndsWith("Command", StringComparison.Ordinal);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var attempt = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            TResponse response;
            try
            {
                response = await next();
            }
            catch (TahseenException)
            {
                db.ChangeTracker.Clear();
                await transaction.CommitAsync(CancellationToken.None);
                throw;
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return response;
        }, cancellationToken);
    }
}
