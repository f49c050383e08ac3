using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Tahseen.Application.Common.Errors;
using Tahseen.Domain.Common;
using RpcStatus = Google.Rpc.Status;

namespace Tahseen.Grpc.Errors;

/// <summary>
/// The last line of the error model: a status that the gRPC framework writes on its own (an unknown
/// method, a passed deadline, a framework limit) carries no details, so clients could not read a
/// reason from it. This adds ErrorInfo and LocalizedMessage to any failing status that lacks them,
/// keeping its code, whether it travels in a trailers-only response's headers or in the trailers.
/// </summary>
public sealed partial class StatusDetailsBackstop(RequestDelegate next, ILogger<StatusDetailsBackstop> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcErrorResponse.IsGrpcRequest(context))
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(
            static state =>
            {
                var (backstop, http) = ((StatusDetailsBackstop, HttpContext))state;
                backstop.Complete(http, http.Response.Headers);
                return Task.CompletedTask;
            },
            (this, context));
        await next(context);

        if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
        {
            Complete(context, trailers);
        }
    }

    private void Complete(HttpContext context, IHeaderDictionary headers)
    {
        if (!int.TryParse(headers[GrpcErrorResponse.StatusHeader], out var code)
            || code == (int)StatusCode.OK
            || headers.ContainsKey(GrpcErrorResponse.DetailsHeader))
        {
            return;
        }

        var language = ErrorMessages.PickLanguage(context.Request.Headers.AcceptLanguage);
        var status = ReasonOf((StatusCode)code) is { } reason
            ? RichStatus.Build(new TahseenException(reason), language)
            : Unexplained(context, code, headers, language);
        status.Code = code;
        GrpcErrorResponse.SetStatus(headers, status);
    }

    private static ErrorReason? ReasonOf(StatusCode code) => code switch
    {
        StatusCode.DeadlineExceeded => ErrorReason.DeadlineExceeded,
        StatusCode.Cancelled => ErrorReason.Cancelled,
        StatusCode.Unimplemented => ErrorReason.MethodNotFound,
        StatusCode.ResourceExhausted => ErrorReason.MessageTooLarge,
        StatusCode.InvalidArgument => ErrorReason.MalformedRequest,
        _ => null,
    };

    private RpcStatus Unexplained(HttpContext context, int code, IHeaderDictionary headers, string language)
    {
        var correlationId = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        LogUnexplained(context.Request.Path, code, headers[GrpcErrorResponse.MessageHeader].ToString(), correlationId);
        return RichStatus.BuildInternal(correlationId, language);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} ended with status {Code} ({Message}) from the framework; correlation id {CorrelationId}")]
    private partial void LogUnexplained(string path, int code, string message, string correlationId);
}
