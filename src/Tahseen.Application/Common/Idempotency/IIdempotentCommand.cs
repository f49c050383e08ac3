namespace Tahseen.Application.Common.Idempotency;

/// <summary>
/// A command a client may safely retry: with the same <see cref="RequestId"/> (and the same body) it
/// answers as the first call did and changes nothing again. The idempotency behaviour does this for
/// every such command; a handler knows nothing of it.
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>The client's UUID for this request; empty when the client does not ask for idempotency.</summary>
    string? RequestId { get; }
}
