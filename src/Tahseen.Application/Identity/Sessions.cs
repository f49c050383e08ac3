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

/// <summary>
/// Opens sessions: a <see cref="Session"/> row, a short-lived signed access token that names it, and an
/// opaque, rotating refresh token of the same family.
/// </summary>
public sealed class Sessions(IApplicationDbContext db, ITokenIssuer tokens, IKeyedHasher hasher)
{
    /// <summary>A new session after a sign-in; adds it to the unit of work, the caller saves.</summary>
    public SessionDto Open(Account account, DateTimeOffset now)
    {
        var session = new Session(account.Id, now);
        db.Sessions.Add(session);
        return Continue(account, session.Id, now);
    }

    /// <summary>The next tokens of an existing session (a refresh); the caller saves.</summary>
    public SessionDto Continue(Account account, Guid sessionId, DateTimeOffset now)
    {
        var refreshToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var stored = new RefreshToken(account, sessionId, HashRefreshToken(refreshToken), now);
        db.RefreshTokens.Add(stored);
        var access = tokens.Issue(account, sessionId, now);
        return new SessionDto(access.Token, access.ExpireTime, refreshToken, stored.ExpireTime, AccountDto.From(account));
    }

    public string HashRefreshToken(string token) => hasher.Hash("refresh:" + token);
}
