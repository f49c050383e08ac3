using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Tahseen.Domain.Common;

namespace Tahseen.Grpc.Errors;

/// <summary>
/// Reads the request message of a unary or server-streaming call before gRPC does, and refuses what
/// the framework would turn into a bare status and an Error log: a message larger than the limit
/// (RESOURCE_EXHAUSTED, MESSAGE_TOO_LARGE) and bytes that are not that method's request message
/// (INVALID_ARGUMENT, MALFORMED_REQUEST: truncated protobuf, invalid UTF-8, a truncated frame). The
/// framework decodes the request before any interceptor runs, so this cannot live in the interceptor.
/// The bytes are only peeked: the method reads them again from the same pipe.
/// </summary>
public sealed partial class RequestMessageGuard(RequestDelegate next, IOptions<GrpcServiceOptions> grpcOptions, ILogger<RequestMessageGuard> logger)
{
    private const int FrameHeaderLength = 5;
    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    private readonly int _maxMessageSize = grpcOptions.Value.MaxReceiveMessageSize ?? int.MaxValue;

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null
            || method.Type is not (MethodType.Unary or MethodType.ServerStreaming)
            || !GrpcErrorResponse.IsGrpcRequest(context)
            || ParserOf(method) is not { } parser)
        {
            await next(context);
            return;
        }

        var refusal = await InspectAsync(context.Request.BodyReader, parser, context.RequestAborted);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        LogRefused(method.FullName, refusal.Reason.Code);
        await GrpcErrorResponse.WriteAsync(context, refusal);
    }

    private async Task<TahseenException?> InspectAsync(PipeReader reader, MessageParser parser, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= FrameHeaderLength)
            {
                var header = buffer.Slice(0, FrameHeaderLength).ToArray();
                var compressed = header[0] != 0;
                var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                if (length > _maxMessageSize)
                {
                    reader.AdvanceTo(buffer.Start);
                    return new TahseenException(ErrorReason.MessageTooLarge);
                }

                if (buffer.Length >= FrameHeaderLength + length)
                {
                    // A compressed message is decoded (and size-checked again) by the framework itself.
                    var readable = compressed || CanParse(parser, buffer.Slice(FrameHeaderLength, length));
                    reader.AdvanceTo(buffer.Start);
                    return readable ? null : new TahseenException(ErrorReason.MalformedRequest);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start);
                return new TahseenException(ErrorReason.MalformedRequest);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool CanParse(MessageParser parser, ReadOnlySequence<byte> payload)
    {
        try
        {
            parser.ParseFrom(payload);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // Invalid UTF-8 in a string field surfaces as the decoder's fallback exception.
            return false;
        }
    }

    private static MessageParser? ParserOf(IMethod method) => Parsers.GetOrAdd(method.GetType(), static type =>
        type.IsGenericType
        && type.GetGenericArguments()[0] is var requestType
        && typeof(IMessage).IsAssignableFrom(requestType)
        && Activator.CreateInstance(requestType) is IMessage message
            ? message.Descriptor.Parser
            : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable request to {Method}: {Reason}")]
    private partial void LogRefused(string method, string reason);
}
