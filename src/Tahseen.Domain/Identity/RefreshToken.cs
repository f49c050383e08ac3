namespace Tahseen.Domain.Identity;

/// <summary>
/// An opaque refresh token, kept as a keyed hash. Each use spends it and issues the next one in the
/// same family; presenting a spent token means it was stolen or replayed, and the whole family ends.
/// </summary>
public sealed class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private RefreshToken()
    {
        TokenHash = string.Empty;
        SecurityStamp = string.Empty;
    }

    public RefreshToken(Account account, Guid familyId, string tokenHash, DateTimeOffset now)
    {
        AccountId = account.Id;
        SecurityStamp = account.SecurityStamp;
        Id = Guid.CreateVersion7(now);
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreateTime = now;
        ExpireTime = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>All tokens descended from one login.</summary>
    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>The account's stamp when the session began; a credential change makes the token worthless.</summary>
    public string SecurityStamp { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset ExpireTime { get; private set; }

    public DateTimeOffset? SpendTime { get; private set; }

    public DateTimeOffset? RevokeTime { get; private set; }
}
