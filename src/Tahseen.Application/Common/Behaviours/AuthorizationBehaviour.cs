using System.Reflection;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// Enforces the <see cref="RequireRolesAttribute"/> a request declares, before validation, so that a caller
/// without the role learns nothing about what a valid request would look like.
/// </summary>
[PipelineOrder(2)]
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly RequireRolesAttribute? Declared = typeof(TRequest).GetCustomAttribute<RequireRolesAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Declared is { } declared)
        {
            if (!user.IsAuthenticated)
            {
                throw new TahseenException(ErrorReason.TokenInvalid);
            }

            if ((user.Roles & declared.Roles) == 0)
            {
                throw new TahseenException(ErrorReason.Forbidden);
            }

            if (declared.Scope is { } scope && !user.Scopes.Contains(scope))
            {
                throw new TahseenException(ErrorReason.InsufficientScope);
            }
        }

        return next();
    }
}
