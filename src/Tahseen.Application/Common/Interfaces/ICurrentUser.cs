using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Interfaces;

/// <summary>The caller of the current request, as established by its access token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The caller's account id; throws TOKEN_INVALID when the call is anonymous.</summary>
    Guid AccountId { get; }

    AccountRoles Roles { get; }

    /// <summary>What a service account's token grants (<see cref="Security.Scopes"/>); empty for people.</summary>
    IReadOnlySet<string> Scopes { get; }

    /// <summary>The network address the request came from, for the security log.</summary>
    string? ClientAddress { get; }
}
