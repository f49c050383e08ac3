using Google.Rpc;
using Grpc.Core;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>Reads the contract's error model back out of an RpcException, as a client would.</summary>
public sealed record GrpcError(StatusCode Code, ErrorInfo? Info, LocalizedMessage? Localized, BadRequest? BadRequest, Google.Rpc.Status? Status = null)
{
    public string? Reason => Info?.Reason;

    public IReadOnlyList<string> ViolationReasons =>
        BadRequest?.FieldViolations.Select(v => v.Reason).ToList() ?? [];

    public static GrpcError From(RpcException exception)
    {
        var status = exception.GetRpcStatus();
        return new GrpcError(
            exception.StatusCode,
            status?.GetDetail<ErrorInfo>(),
            status?.GetDetail<LocalizedMessage>(),
            status?.GetDetail<BadRequest>(),
            status);
    }
}

public static class GrpcAssertions
{
    /// <summary>Runs a call that must fail and returns its decoded error.</summary>
    public static async Task<GrpcError> FailsWith(this Task call, StatusCode expected)
    {
        var exception = await FluentActions.Awaiting(() => call).Should().ThrowAsync<RpcException>();
        var error = GrpcError.From(exception.Which);
        error.Code.Should().Be(expected, "the call failed with {0}: {1}", error.Reason, exception.Which.Status.Detail);
        return error;
    }

    public static Task<GrpcError> FailsWith<T>(this AsyncUnaryCall<T> call, StatusCode expected) =>
        call.ResponseAsync.FailsWith(expected);

    public static Metadata Language(string language) => new() { { "accept-language", language } };
}
