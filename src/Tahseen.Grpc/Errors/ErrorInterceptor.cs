using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Tahseen.Application.Common.Observability;
using Tahseen.Domain.Common;

namespace Tahseen.Grpc.Errors;

/// <summary>
/// The one place where exceptions become gRPC statuses. Expected failures carry their reason to the
/// client as a rich status; anything else becomes INTERNAL with a correlation id, and only the log
/// sees the exception.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    private static readonly HashSet<string> ThrottlingReasons = ["RATE_LIMITED", "ACCOUNT_LOCKED", "CAPTCHA_REQUIRED", "OTP_ATTEMPTS_EXCEEDED"];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            Count(context.Method, "OK");
            return response;
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            var translated = Translate(exception, context);
            Count(context.Method, exception is TahseenException expected ? expected.Reason.Code : translated.StatusCode.ToString());
            throw translated;
        }
    }

    /// <summary>Calls by method and outcome; a refused sign-in is also counted as throttled when that is why.</summary>
    private static void Count(string method, string reason)
    {
        TahseenMetrics.Calls.Add(1, new("method", method), new("reason", reason));
        if (method.EndsWith("/Login", StringComparison.Ordinal) && ThrottlingReasons.Contains(reason))
        {
            TahseenMetrics.LoginsThrottled.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        var language = RichStatus.LanguageOf(context.RequestHeaders);
        if (exception is TahseenException expected)
        {
            return RichStatus.From(expected, language);
        }

        // The caller went away (cancelled, deadline passed, connection closed): whatever the
        // exception, it is the call ending, not a fault of the service.
        if (context.CancellationToken.IsCancellationRequested)
        {
            return RichStatus.From(
                new TahseenException(context.Deadline <= DateTime.UtcNow ? ErrorReason.DeadlineExceeded : ErrorReason.Cancelled),
                language);
        }

        // The trace id: the one id that finds this call's log lines and its trace.
        var correlationId = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        LogUnexpected(exception, context.Method, correlationId);
        return RichStatus.Internal(correlationId, language);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method}; correlation id {CorrelationId}")]
    private partial void LogUnexpected(Exception exception, string method, string correlationId);
}
