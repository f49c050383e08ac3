using Google.Protobuf;
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
    private static readonly JsonFormatter Json = new(new JsonFormatter.Settings(formatDefaultValues: false, HttpEdge.ErrorDetailTypes));
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reason = authorizeResult.Forbidden
            ? ErrorReason.Forbidden
            : context.Items[TokenAuthentication.FailureKey] as ErrorReason ?? ErrorReason.TokenInvalid;
        var language = Application.Common.Errors.ErrorMessages.PickLanguage(context.Request.Headers.AcceptLanguage);
        var status = RichStatus.Build(new TahseenException(reason), language);

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Json.Format(status), context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
