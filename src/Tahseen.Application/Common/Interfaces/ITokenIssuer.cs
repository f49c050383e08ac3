using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Interfaces;

public sealed record AccessToken(string Token, DateTimeOffset ExpireTime);

/// <summary>Issues the signed, short-lived access token that authorises calls.</summary>
public interface ITokenIssuer
{
    AccessToken Issue(Account account, DateTimeOffset now);
}
