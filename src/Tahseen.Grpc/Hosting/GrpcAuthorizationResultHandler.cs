using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Tahseen.Domain.Common;
using Tahseen.Grpc.Errors;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Answers a refused gRPC call with the contract's error model instead of a bare HTTP 401/403:
/// UNAUTHENTICATED with TOKEN_INVALID or TOKEN_EXPIRED, or PERMISSION_DENIED with FORBIDDEN, as a
/// trailers-only gRPC response.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !GrpcErrorResponse.IsGrpcRequest(context))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var reason = authorizeResult.Forbidden
            ? ErrorReason.Forbidden
            : context.Items[TokenAuthentication.FailureKey] as ErrorReason ?? ErrorReason.TokenInvalid;
        return GrpcErrorResponse.WriteAsync(context, new TahseenException(reason));
    }
}
