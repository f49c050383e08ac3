using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Interfaces;

public sealed record AccessToken(string Token, DateTimeOffset ExpireTime);

/// <summary>Issues the signed, short-lived access token that authorises calls, naming the session it belongs to.</summary>
public interface ITokenIssuer
{
    AccessToken Issue(Account account, Guid sessionId, DateTimeOffset now);

    /// <summary>A service account's token: ROLE_INTEGRATION, its scopes, and its current credential as the session.</summary>
    AccessToken IssueForService(ServiceAccount account, DateTimeOffset now);
}
