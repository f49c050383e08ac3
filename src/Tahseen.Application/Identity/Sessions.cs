using System.Buffers.Text;
using System.Security.Cryptography;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record SessionDto(
    string AccessToken,
    DateTimeOffset AccessTokenExpireTime,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpireTime,
    AccountDto Account);

/// <summary>Opens sessions: a short-lived signed access token and an opaque, rotating refresh token.</summary>
public sealed class Sessions(IApplicationDbContext db, ITokenIssuer tokens, IKeyedHasher hasher)
{
    /// <summary>Adds the refresh token to the unit of work and returns the session; the caller saves.</summary>
    public SessionDto Open(Account account, Guid familyId, DateTimeOffset now)
    {
        var refreshToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var stored = new RefreshToken(account, familyId, HashRefreshToken(refreshToken), now);
        db.RefreshTokens.Add(stored);
        var access = tokens.Issue(account, now);
        return new SessionDto(access.Token, access.ExpireTime, refreshToken, stored.ExpireTime, AccountDto.From(account, now));
    }

    public string HashRefreshToken(string token) => hasher.Hash("refresh:" + token);
}
