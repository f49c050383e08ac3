using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Tahseen.Domain.Common;
using Tahseen.Grpc.Errors;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Answers a refused gRPC call with the contract's error model instead of a bare HTTP 401/403:
/// UNAUTHENTICATED with TOKEN_INVALID or TOKEN_EXPIRED, or PERMISSION_DENIED with FORBIDDEN, as a
/// trailers-only gRPC response, or for a JSON/HTTP call as a JSON google.rpc.Status with HTTP 401/403.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var reason = authorizeResult.Forbidden
            ? ErrorReason.Forbidden
            : context.Items[TokenAuthentication.FailureKey] as ErrorReason ?? ErrorReason.TokenInvalid;
        return GrpcErrorResponse.IsGrpcRequest(context)
            ? GrpcErrorResponse.WriteAsync(context, new TahseenException(reason))
            : GrpcErrorResponse.WriteJsonAsync(
                context, new TahseenException(reason), authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
    }
}
