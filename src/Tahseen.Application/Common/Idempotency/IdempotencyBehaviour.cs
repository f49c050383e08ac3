using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Idempotency;

/// <summary>
/// Makes every <see cref="IIdempotentCommand"/> safe to retry, inside the unit of work's transaction:
/// the request id is claimed under its unique (caller, request id) key before the handler runs and
/// its answer is stored with the command's own writes, so both commit together or not at all. A
/// retry with the same body gets the stored answer and runs nothing; the same id with another body is
/// REQUEST_ID_REUSED. A command that fails gives its claim back, so its retry runs again.
/// </summary>
/// <remarks>
/// "The same body" is a keyed hash (HMAC-SHA256 under the server's hash key, since bodies can hold a
/// password) of the operation name and the application command as System.Text.Json writes it
/// (properties in declaration order, <c>RequestId</c> removed). The command is what the gRPC and JSON
/// edges both map to, so a retry over either edge matches, and fields a client leaves unset read the
/// same as fields sent with their default value.
/// </remarks>
[PipelineOrder(6)]
public sealed class IdempotencyBehaviour<TRequest, TResponse>(
    IIdempotencyStore store, ICurrentUser user, IKeyedHasher hasher, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Operation = IdempotencyJson.OperationOf(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { RequestId: { Length: > 0 } requestId })
        {
            return await next();
        }

        var claim = new IdempotentRequest(user.AccountId, Guid.Parse(requestId), Operation, HashOf(request), clock.GetUtcNow());
        if (await store.ClaimAsync(claim, cancellationToken) is { } earlier)
        {
            return Replay(earlier, claim.RequestHash);
        }

        TResponse response;
        try
        {
            response = await next();
        }
        catch (TahseenException)
        {
            // The unit of work keeps what an expected failure recorded on purpose; the claim is not that.
            await store.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        // The claim is tracked: the unit of work saves its answer with the command's own changes.
        claim.Complete(JsonSerializer.Serialize(response, IdempotencyJson.Options));
        return response;
    }

    private string HashOf(TRequest request)
    {
        var body = JsonSerializer.SerializeToNode(request, IdempotencyJson.Options)!.AsObject();
        body.Remove(nameof(IIdempotentCommand.RequestId));
        return hasher.Hash($"idempotency:{Operation}:{body.ToJsonString(IdempotencyJson.Options)}");
    }

    private static TResponse Replay(IdempotentRequest earlier, string requestHash) =>
        earlier.RequestHash == requestHash && earlier.Operation == Operation
            ? JsonSerializer.Deserialize<TResponse>(earlier.Answer, IdempotencyJson.Options)!
            : throw new TahseenException(ErrorReason.RequestIdReused);
}

/// <summary>One set of JSON options for hashing requests and storing answers, so they never drift apart.</summary>
internal static class IdempotencyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>The use case's name as clients know it: the command type without its suffix.</summary>
    public static string OperationOf(Type requestType) =>
        requestType.Name.EndsWith("Command", StringComparison.Ordinal) ? requestType.Name[..^"Command".Length] : requestType.Name;
}
