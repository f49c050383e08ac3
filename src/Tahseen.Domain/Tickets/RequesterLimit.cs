using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>What a supervisor may impose on a requester who abuses the service.</summary>
public enum RequesterRestriction
{
    /// <summary>SubmitTicket is refused (PERMISSION_DENIED REQUESTER_RESTRICTED) until the restriction expires.</summary>
    SubmitBlocked = 1,

    /// <summary>New tickets are filed but held for a supervisor's review before they reach the queue.</summary>
    ReviewBeforeQueue = 2,
}

/// <summary>
/// One row per requester: the lock row that serialises the requester's submits (each submit updates
/// it first, so the open and daily counts it then reads cannot be stale), and the restriction a
/// supervisor imposed, if any. A restriction applies only until its expire time.
/// </summary>
public sealed class RequesterLimit
{
    /// <summary>How long a restriction's reason may be, in characters.</summary>
    public const int MaxReasonLength = 1000;

    private RequesterLimit()
    {
    }

    public Guid AccountId { get; private set; }

    /// <summary>Incremented by every submit attempt before it counts: the row lock that serialises them.</summary>
    public long SubmitCount { get; private set; }

    public RequesterRestriction? Restriction { get; private set; }

    public string? RestrictionReason { get; private set; }

    public DateTimeOffset? RestrictionExpireTime { get; private set; }

    public Guid? RestrictedByAccountId { get; private set; }

    public DateTimeOffset? RestrictTime { get; private set; }

    /// <summary>A requester's row, made by its first submit or restriction.</summary>
    public static RequesterLimit For(Guid accountId) =>
        accountId == Guid.Empty ? throw new ArgumentException("An account id is required.", nameof(accountId)) : new() { AccountId = accountId, SubmitCount = 1 };

    /// <summary>Imposes <paramref name="restriction"/> until <paramref name="expireTime"/>, replacing any earlier one.</summary>
    public void Restrict(RequesterRestriction restriction, string reason, DateTimeOffset expireTime, Guid supervisorId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(restriction))
        {
            throw TahseenException.ForField("restriction", ErrorReason.FieldInvalid);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw TahseenException.ForField("reason", ErrorReason.FieldRequired);
        }

        if (expireTime <= now)
        {
            throw TahseenException.ForField("expire_time", ErrorReason.FieldInvalid);
        }

        Restriction = restriction;
        RestrictionReason = reason;
        RestrictionExpireTime = expireTime;
        RestrictedByAccountId = supervisorId;
        RestrictTime = now;
    }

    /// <summary>The restriction in force at <paramref name="now"/>; null once it has expired.</summary>
    public RequesterRestriction? ActiveAt(DateTimeOffset now) =>
        Restriction is { } restriction && RestrictionExpireTime > now ? restriction : null;
}
