using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Tahseen.Domain.Common;
using Tahseen.Grpc.Errors;

namespace Tahseen.Grpc.Tests.Foundation;

public sealed class ErrorInterceptorTests
{
    private readonly ErrorInterceptor _interceptor = new(NullLogger<ErrorInterceptor>.Instance);

    [Fact]
    public async Task An_unexpected_exception_becomes_INTERNAL_with_a_correlation_id_and_no_internal_detail()
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeCallContext(), (_, _) => throw new InvalidOperationException("connection string Password=hunter2"));

        var exception = (await FluentActions.Awaiting(() => call).Should().ThrowAsync<RpcException>()).Which;

        exception.StatusCode.Should().Be(StatusCode.Internal);
        var status = exception.GetRpcStatus()!;
        var info = status.GetDetail<ErrorInfo>();
        info.Reason.Should().Be("INTERNAL");
        info.Metadata["correlation_id"].Should().MatchRegex("^[0-9a-f]{32}$");
        status.GetDetail<LocalizedMessage>().Message.Should().Contain(info.Metadata["correlation_id"]);
        exception.ToString().Should().NotContain("hunter2").And.NotContain(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task A_contract_failure_keeps_its_reason_and_category()
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeCallContext(), (_, _) => throw new TahseenException(ErrorReason.TicketNotFound));

        var exception = (await FluentActions.Awaiting(() => call).Should().ThrowAsync<RpcException>()).Which;

        exception.StatusCode.Should().Be(StatusCode.NotFound);
        exception.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason.Should().Be("TICKET_NOT_FOUND");
    }

    [Fact]
    public async Task A_cancelled_call_is_reported_as_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeCallContext(cancelled.Token), (_, _) => throw new OperationCanceledException());

        (await FluentActions.Awaiting(() => call).Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
    }

    private sealed class FakeCallContext(CancellationToken cancellation = default) : ServerCallContext
    {
        protected override string MethodCore => "/tahseen.v1.Test/Method";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => cancellation;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override global::Grpc.Core.Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
