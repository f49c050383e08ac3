using System.Collections;
using System.Text;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Hardening;

/// <summary>
/// Random Unicode, control and bidi characters, huge and empty values, extreme numbers and unknown
/// enum values in every field of every request type of every service, sent as a signed-in caller
/// would: no call may end INTERNAL or UNKNOWN, every refusal carries the error model, and a refused
/// call leaves the business tables as they were (no partial write).
/// </summary>
public sealed class GarbageInputPropertyTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private const int CallsPerMethod = 12;

    private static readonly string[] BusinessTables =
        ["accounts", "categories", "tickets", "ticket_messages", "ticket_internal_notes", "ticket_history", "sms_outbox"];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private static readonly Gen<string> Text = Gen.Frequency(
        (2, Gen.Const(string.Empty)),
        (4, Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32).Array[0, 40].Select(string.Concat)),
        (2, Gen.Char['\0', '\u001F'].Array[1, 20].Select(chars => new string(chars))),
        (2, Gen.OneOf("\u202E", "\u2066", "\u200B", "\uFEFF", "\u00AD", " ", "\u3164", "ا", "١٢٣", "۴۵۶", "😀", "\r\n", "%", "'--").Array[1, 12].Select(string.Concat)),
        (1, Gen.Int[1_000, 300_000].Select(length => new string('ب', length))),
        (2, Gen.Const(0).Select(_ => Guid.NewGuid().ToString())),
        (1, Gen.OneOf(Gen.Char['0', '9'], Gen.Char['\u0660', '\u0669']).Array[5, 14].Select(chars => new string(chars))));

    private static readonly Gen<long> Number = Gen.Frequency(
        (3, Gen.Long),
        (2, Gen.OneOf(0L, -1L, 1L, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, 253402300800L, -62135596801L)),
        (2, Gen.Long[-100, 100]));

    public static TheoryData<string, string> Methods()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in Services())
        {
            foreach (var method in service.Methods)
            {
                data.Add(service.FullName, method.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Garbage_in_every_field_is_never_INTERNAL_and_never_half_written(string serviceName, string methodName)
    {
        var method = Services().Single(s => s.FullName == serviceName).FindMethodByName(methodName);
        var headers = await CallerFor(serviceName);

        await MessageOf(method.InputType, depth: 0).SampleAsync(
            async request =>
            {
                var before = await CountRowsAsync();
                var outcome = await CallAsync(method, request.ToByteArray(), headers);
                new[] { StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.Unimplemented }.Should().NotContain(
                    outcome.StatusCode, "{0} answered {1}: {2}", method.FullName, outcome.StatusCode, outcome.Detail);
                if (outcome.StatusCode == StatusCode.OK)
                {
                    return;
                }

                outcome.ErrorInfo.Should().NotBeNull("every refusal carries ErrorInfo ({0})", outcome.StatusCode);
                outcome.ErrorInfo!.Domain.Should().Be("tahseen.gov.sa");
                (await CountRowsAsync()).Should().Equal(before, "a refused {0} writes nothing", method.Name);
            },
            iter: CallsPerMethod,
            threads: 1);
    }

    private static IEnumerable<ServiceDescriptor> Services() =>
    [
        IdentityService.Descriptor, TicketService.Descriptor, StaffTicketService.Descriptor, AdminService.Descriptor, SandboxService.Descriptor,
    ];

    private async Task<Metadata> CallerFor(string serviceName)
    {
        var kit = new TicketKit(factory);
        return serviceName switch
        {
            "tahseen.v1.StaffTicketService" or "tahseen.v1.AdminService" => (await kit.DeskAsync(Role.Admin)).Headers,
            _ => (await kit.CitizenAsync()).Headers,
        };
    }

    private static Gen<IMessage> MessageOf(MessageDescriptor descriptor, int depth) =>
        descriptor.Fields.InDeclarationOrder().Aggregate(
            Gen.Const(0).Select(_ => new List<(FieldDescriptor, object?)>()),
            (gen, field) => gen.SelectMany(values => ValueOf(field, depth).Select(value => new List<(FieldDescriptor, object?)>(values) { (field, value) })))
        .Select(values =>
        {
            var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            foreach (var (field, value) in values)
            {
                Assign(message, field, value);
            }

            return message;
        });

    private static Gen<object?> ValueOf(FieldDescriptor field, int depth)
    {
        var single = SingleValueOf(field, depth);
        return field.IsRepeated ? single.Array[0, 4].Select(values => (object?)values) : single;
    }

    private static Gen<object?> SingleValueOf(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => Text.Select(v => (object?)v),
        FieldType.Bool => Gen.Bool.Select(v => (object?)v),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Number.Select(v => (object?)unchecked((int)v)),
        FieldType.UInt32 or FieldType.Fixed32 => Number.Select(v => (object?)unchecked((uint)v)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Number.Select(v => (object?)v),
        FieldType.UInt64 or FieldType.Fixed64 => Number.Select(v => (object?)unchecked((ulong)v)),
        FieldType.Double => Gen.Double.Select(v => (object?)v),
        FieldType.Float => Gen.Float.Select(v => (object?)v),
        FieldType.Bytes => Gen.Byte.Array[0, 64].Select(v => (object?)ByteString.CopyFrom(v)),
        FieldType.Enum => Gen.Int[-2, 12].Select(v => (object?)Enum.ToObject(field.EnumType.ClrType, v)),
        FieldType.Message when depth < 2 => Gen.Frequency(
            (1, Gen.Const(0).Select(_ => (object?)null)),
            (3, MessageOf(field.MessageType, depth + 1).Select(v => (object?)v))),
        _ => Gen.Const(0).Select(_ => (object?)null),
    };

    private static void Assign(IMessage message, FieldDescriptor field, object? value)
    {
        if (value is null)
        {
            return;
        }

        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            foreach (var item in (IEnumerable)value)
            {
                if (item is not null)
                {
                    list.Add(item);
                }
            }
        }
        else
        {
            field.Accessor.SetValue(message, value);
        }
    }

    private async Task<(StatusCode StatusCode, string Detail, ErrorInfo? ErrorInfo)> CallAsync(MethodDescriptor method, byte[] request, Metadata headers)
    {
        var invoker = factory.CreateChannel().CreateCallInvoker();
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var grpcMethod = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Raw, Raw);
        try
        {
            if (method.IsServerStreaming)
            {
                using var cancel = new CancellationTokenSource();
                using var call = invoker.AsyncServerStreamingCall(grpcMethod, null!, new CallOptions(headers, cancellationToken: cancel.Token), request);
                await call.ResponseStream.MoveNext(CancellationToken.None);
                await cancel.CancelAsync();
            }
            else
            {
                await invoker.AsyncUnaryCall(grpcMethod, null!, new CallOptions(headers), request);
            }

            return (StatusCode.OK, string.Empty, null);
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.Status.Detail, exception.GetRpcStatus()?.GetDetail<ErrorInfo>());
        }
    }

    private async Task<IReadOnlyList<long>> CountRowsAsync()
    {
        var counts = new List<long>();
        foreach (var table in BusinessTables)
        {
            counts.Add(await factory.Database.CountAsync($"SELECT count(*) FROM \"{table}\""));
        }

        return counts;
    }
}
