using System.Globalization;
using System.Text;
using Google.Protobuf;
using Tahseen.Application.Common.Errors;
using Tahseen.Domain.Common;
using RpcStatus = Google.Rpc.Status;

namespace Tahseen.Grpc.Errors;

/// <summary>
/// Writes a refusal made outside a gRPC method (authentication, authorization, rate limiting, an
/// unreadable request) as a trailers-only gRPC response: status 200, content-type application/grpc and
/// the status in the headers, with no body and no flush, so that the server sends one HEADERS frame
/// carrying END_STREAM. Flushing first would send the headers as response headers and end the stream
/// without trailers, which strict clients (grpc-js) read as "INTERNAL: Received RST_STREAM".
/// </summary>
public static class GrpcErrorResponse
{
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string DetailsHeader = "grpc-status-details-bin";

    private static readonly JsonFormatter Json = new(new JsonFormatter.Settings(formatDefaultValues: false, Hosting.HttpEdge.ErrorDetailTypes));

    public static bool IsGrpcRequest(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Refuses the call with a contract reason in the caller's language.</summary>
    public static Task WriteAsync(HttpContext context, TahseenException exception)
    {
        var language = ErrorMessages.PickLanguage(context.Request.Headers.AcceptLanguage);
        WriteTrailersOnly(context.Response, RichStatus.Build(exception, language));
        return Task.CompletedTask;
    }

    /// <summary>The same refusal for a JSON/HTTP call: a JSON google.rpc.Status with its details decoded.</summary>
    public static Task WriteJsonAsync(HttpContext context, TahseenException exception, int httpStatus)
    {
        var language = ErrorMessages.PickLanguage(context.Request.Headers.AcceptLanguage);
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Json.Format(RichStatus.Build(exception, language)), context.RequestAborted);
    }

    public static void WriteTrailersOnly(HttpResponse response, RpcStatus status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        SetStatus(response.Headers, status);
    }

    /// <summary>Puts a status in a header block (the headers of a trailers-only response, or the trailers).</summary>
    public static void SetStatus(IHeaderDictionary headers, RpcStatus status)
    {
        headers[StatusHeader] = status.Code.ToString(CultureInfo.InvariantCulture);
        headers[MessageHeader] = PercentEncode(status.Message);
        headers[DetailsHeader] = Convert.ToBase64String(status.ToByteArray());
    }

    /// <summary>
    /// The gRPC spec's encoding of grpc-message: the UTF-8 bytes, each byte outside printable ASCII
    /// (0x20-0x7E) and '%' itself written as %XX.
    /// </summary>
    public static string PercentEncode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var encoded = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
