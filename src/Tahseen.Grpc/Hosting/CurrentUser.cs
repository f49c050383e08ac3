using System.Security.Claims;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Grpc.Hosting;

/// <summary>The caller as the access token describes it.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid AccountId =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(TokenAuthentication.SubjectClaim), out var id)
            ? id
            : throw new TahseenException(ErrorReason.TokenInvalid);

    public AccountRoles Roles =>
        IsAuthenticated ? RoleNames.Parse(Principal!.FindAll(TokenAuthentication.RoleClaim).Select(c => c.Value)) : AccountRoles.None;

    public IReadOnlySet<string> Scopes =>
        IsAuthenticated
            ? Principal!.FindAll(TokenAuthentication.ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal)
            : [];

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
