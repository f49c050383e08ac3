namespace Tahseen.Domain.Identity;

/// <summary>
/// One signed-in session: everything that follows from one VerifyLogin. Its id is the family of its
/// refresh tokens and travels in every access token it issues, so ending it (logout, refresh-token
/// reuse, a new password, a disabled account) stops those access tokens at their next use.
/// </summary>
public sealed class Session
{
    private Session()
    {
    }

    public Session(Guid accountId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AccountId = accountId;
        CreateTime = now;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    /// <summary>When the session last refreshed its tokens.</summary>
    public DateTimeOffset? RefreshTime { get; private set; }

    public DateTimeOffset? EndTime { get; private set; }
}
