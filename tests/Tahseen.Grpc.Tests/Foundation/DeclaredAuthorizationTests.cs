using Google.Protobuf.Reflection;
using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Foundation;

/// <summary>Every method of the desk, admin and integration services refuses a citizen, streams included.</summary>
public sealed class DeclaredAuthorizationTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private readonly TicketKit _kit = new(factory);

    private static readonly Dictionary<string, MethodDescriptor> Methods =
        new[] { StaffTicketService.Descriptor, AdminService.Descriptor, IntegrationService.Descriptor }
            .SelectMany(s => s.Methods)
            .ToDictionary(m => m.FullName);

    public static TheoryData<string> ProtectedMethods => new(Methods.Keys);

    [Theory]
    [MemberData(nameof(ProtectedMethods))]
    public async Task A_citizen_is_refused(string fullName)
    {
        var citizen = await _kit.CitizenAsync();
        var error = await CallAsync(fullName, citizen.Options()).FailsWith(StatusCode.PermissionDenied);

        error.Reason.Should().Be("FORBIDDEN");
    }

    /// <summary>An empty message is a valid request of every type; the call must be refused before it is read.</summary>
    private Task CallAsync(string fullName, CallOptions options)
    {
        var descriptor = Methods[fullName];
        var invoker = factory.CreateChannel().CreateCallInvoker();
        if (descriptor.IsServerStreaming)
        {
            var method = new Method<byte[], byte[]>(MethodType.ServerStreaming, descriptor.Service.FullName, descriptor.Name, Raw, Raw);
            var call = invoker.AsyncServerStreamingCall(method, null, options, []);
            return call.ResponseStream.MoveNext(CancellationToken.None);
        }

        var unary = new Method<byte[], byte[]>(MethodType.Unary, descriptor.Service.FullName, descriptor.Name, Raw, Raw);
        return invoker.AsyncUnaryCall(unary, null, options, []).ResponseAsync;
    }
}
