using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Tahseen.Application.Common.Errors;
using Tahseen.Domain.Common;
using RpcStatus = Google.Rpc.Status;

namespace Tahseen.Grpc.Errors;

/// <summary>
/// Builds the contract's error model: a google.rpc.Status with ErrorInfo (domain tahseen.gov.sa),
/// a LocalizedMessage in the caller's language and, for bad input, a BadRequest with one
/// FieldViolation per broken rule.
/// </summary>
public static class RichStatus
{
    public const string Domain = "tahseen.gov.sa";
    public const string InternalReason = "INTERNAL";

    // A limit that cannot say when it frees up still tells the client to back off for a while.
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    public static string LanguageOf(Metadata headers) => ErrorMessages.PickLanguage(headers.GetValue("accept-language"));

    public static RpcException From(TahseenException exception, string language) => Build(exception, language).ToRpcException();

    public static RpcStatus Build(TahseenException exception, string language)
    {
        var reason = exception.Reason;
        var status = new RpcStatus
        {
            Code = (int)CodeOf(reason.Category),
            Message = ErrorMessages.Get(reason.Code, ErrorMessages.English, ArgumentsOf(exception, reason)),
        };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason.Code, Domain = Domain }));
        status.Details.Add(Any.Pack(new LocalizedMessage
        {
            Locale = language,
            Message = ErrorMessages.Get(reason.Code, language, ArgumentsOf(exception, reason)),
        }));

        var retryAfter = exception.RetryAfter ?? (reason == ErrorReason.RateLimited ? DefaultRetryAfter : null);
        if (retryAfter is { } delay)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay < TimeSpan.Zero ? TimeSpan.Zero : delay) }));
        }

        if (exception.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(exception.Violations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Reason = v.Reason.Code,
                Description = ErrorMessages.Get(v.Reason.Code, ErrorMessages.English, v.Arguments),
                LocalizedMessage = new LocalizedMessage
                {
                    Locale = language,
                    Message = ErrorMessages.Get(v.Reason.Code, language, v.Arguments),
                },
            }));
            status.Details.Add(Any.Pack(badRequest));
        }

        return status;
    }

    public static RpcException Internal(string correlationId, string language) => BuildInternal(correlationId, language).ToRpcException();

    public static RpcStatus BuildInternal(string correlationId, string language)
    {
        var status = new RpcStatus
        {
            Code = (int)StatusCode.Internal,
            Message = ErrorMessages.Get(InternalReason, ErrorMessages.English, [correlationId]),
        };
        status.Details.Add(Any.Pack(new ErrorInfo
        {
            Reason = InternalReason,
            Domain = Domain,
            Metadata = { ["correlation_id"] = correlationId },
        }));
        status.Details.Add(Any.Pack(new LocalizedMessage
        {
            Locale = language,
            Message = ErrorMessages.Get(InternalReason, language, [correlationId]),
        }));
        return status;
    }

    public static StatusCode CodeOf(ErrorCategory category) => category switch
    {
        ErrorCategory.InvalidArgument => StatusCode.InvalidArgument,
        ErrorCategory.FailedPrecondition => StatusCode.FailedPrecondition,
        ErrorCategory.AlreadyExists => StatusCode.AlreadyExists,
        ErrorCategory.Unauthenticated => StatusCode.Unauthenticated,
        ErrorCategory.PermissionDenied => StatusCode.PermissionDenied,
        ErrorCategory.NotFound => StatusCode.NotFound,
        ErrorCategory.ResourceExhausted => StatusCode.ResourceExhausted,
        ErrorCategory.Aborted => StatusCode.Aborted,
        ErrorCategory.OutOfRange => StatusCode.OutOfRange,
        ErrorCategory.DeadlineExceeded => StatusCode.DeadlineExceeded,
        ErrorCategory.Cancelled => StatusCode.Cancelled,
        ErrorCategory.Unimplemented => StatusCode.Unimplemented,
        ErrorCategory.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    // The top-level message of a single-violation error reads like that violation's message.
    private static object[] ArgumentsOf(TahseenException exception, ErrorReason reason) =>
        exception.Violations.FirstOrDefault(v => v.Reason == reason)?.Arguments ?? [.. exception.Arguments];
}
