using Google.Protobuf.Reflection;
using Grpc.Core;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;

namespace Tahseen.Grpc.Tests.Foundation;

/// <summary>
/// Every method of the desk, admin and integration services refuses a citizen, streams included; every
/// method meant for people refuses a service account, whatever scopes it holds.
/// </summary>
public sealed class DeclaredAuthorizationTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    private readonly TicketKit _kit = new(factory);

    private static readonly Dictionary<string, MethodDescriptor> Methods =
        new[] { StaffTicketService.Descriptor, AdminService.Descriptor, IntegrationService.Descriptor }
            .SelectMany(s => s.Methods)
            .ToDictionary(m => m.FullName);

    /// <summary>ListCategories is reference data an internal system may read to name a ticket's category.</summary>
    private static readonly Dictionary<string, MethodDescriptor> PeopleMethods =
        new[] { TicketService.Descriptor, StaffTicketService.Descriptor, AdminService.Descriptor }
            .SelectMany(s => s.Methods)
            .Where(m => m.Name != "ListCategories")
            .Concat(IdentityService.Descriptor.Methods.Where(m => m.Name is "GetMyAccount" or "Logout" or "ChangePassword"))
            .ToDictionary(m => m.FullName);

    public static TheoryData<string> ProtectedMethods => new(Methods.Keys);

    public static TheoryData<string> MethodsForPeople => new(PeopleMethods.Keys);

    [Theory]
    [MemberData(nameof(ProtectedMethods))]
    public async Task A_citizen_is_refused(string fullName)
    {
        var citizen = await _kit.CitizenAsync();
        var error = await CallAsync(fullName, citizen.Options()).FailsWith(StatusCode.PermissionDenied);

        error.Reason.Should().Be("FORBIDDEN");
    }

    [Theory]
    [MemberData(nameof(MethodsForPeople))]
    public async Task A_service_account_is_refused(string fullName)
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var created = await _kit.Admin.CreateServiceAccountAsync(
            new CreateServiceAccountRequest { Name = "Reporting", Scopes = { "tickets.read", "tickets.events" } }, admin.Options());
        var token = await _kit.Identity.CreateServiceTokenAsync(
            new CreateServiceTokenRequest { ClientId = created.ServiceAccount.ClientId, ClientSecret = created.ClientSecret });

        var error = await CallAsync(PeopleMethods[fullName], new CallOptions(Harness.Bearer(token.AccessToken))).FailsWith(StatusCode.PermissionDenied);

        error.Reason.Should().Be("FORBIDDEN");
    }

    private Task CallAsync(string fullName, CallOptions options) => CallAsync(Methods[fullName], options);

    /// <summary>An empty message is a valid request of every type; the call must be refused before it is read.</summary>
    private Task CallAsync(MethodDescriptor descriptor, CallOptions options)
    {
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
