using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// A write that lost an optimistic-concurrency race (another request changed the same row first)
/// is reported as ABORTED / CONCURRENT_UPDATE, which tells the client a retry is safe.
/// </summary>
[PipelineOrder(4)]
public sealed class ConcurrencyBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new TahseenException(ErrorReason.ConcurrentUpdate, innerException: exception);
        }
    }
}
