using Google.Protobuf.Reflection;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Tests.Foundation;

/// <summary>
/// Every mutating method of the ticket, desk and admin services takes an optional request_id (issue
/// 12, item 6). A method is a read when its name says so (Get, List, Watch, Verify); anything else
/// changes state and must be safe to retry.
/// </summary>
public sealed class RequestIdContractTests
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Watch", "Verify"];

    private static readonly MethodDescriptor[] Mutating = new[] { TicketService.Descriptor, StaffTicketService.Descriptor, AdminService.Descriptor }
        .SelectMany(s => s.Methods)
        .Where(m => !ReadPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)))
        .ToArray();

    public static TheoryData<string> MutatingMethods() => new(Mutating.Select(m => m.FullName));

    [Fact]
    public void The_scan_sees_the_known_mutating_methods()
    {
        Mutating.Select(m => m.FullName).Should().Contain(
            ["tahseen.v1.TicketService.SubmitTicket", "tahseen.v1.StaffTicketService.ReplyToTicket", "tahseen.v1.AdminService.CreateCategory"]);
    }

    [Theory]
    [MemberData(nameof(MutatingMethods))]
    public void A_mutating_method_takes_a_string_request_id(string method)
    {
        var descriptor = Mutating.Single(m => m.FullName == method);

        var field = descriptor.InputType.FindFieldByName("request_id");

        field.Should().NotBeNull($"{descriptor.InputType.Name} needs request_id");
        field!.FieldType.Should().Be(FieldType.String);
        field.IsRepeated.Should().BeFalse();
    }
}
