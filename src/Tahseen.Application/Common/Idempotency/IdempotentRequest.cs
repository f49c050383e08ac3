namespace Tahseen.Application.Common.Idempotency;

/// <summary>
/// One request id of one caller, claimed in the transaction of the command it names and holding the
/// command's answer once it succeeded. The answer can carry personal data, so it is stored sealed, and
/// it is deleted after <c>Idempotency:RetentionHours</c> or when the account is erased.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxOperationLength = 64;

    private IdempotentRequest()
    {
        Operation = string.Empty;
        RequestHash = string.Empty;
        Answer = string.Empty;
    }

    public IdempotentRequest(Guid accountId, Guid requestId, string operation, string requestHash, DateTimeOffset createTime)
    {
        Id = Guid.CreateVersion7(createTime);
        AccountId = accountId;
        RequestId = requestId;
        Operation = operation;
        RequestHash = requestHash;
        Answer = string.Empty;
        CreateTime = createTime;
    }

    public Guid Id { get; private set; }

    /// <summary>The caller: request ids are the caller's own, so two callers may use the same one.</summary>
    public Guid AccountId { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The use case the id was first used for, such as <c>ReplyToTicket</c>.</summary>
    public string Operation { get; private set; }

    /// <summary>A keyed hash of the request without its id: tells a retry from a reused id.</summary>
    public string RequestHash { get; private set; }

    /// <summary>The first answer, as JSON (sealed at rest); empty only inside the claiming transaction.</summary>
    public string Answer { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public void Complete(string answer) => Answer = answer;
}
