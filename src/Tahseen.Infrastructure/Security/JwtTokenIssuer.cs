using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.Security;

/// <summary>Signs access tokens with RS256 under the active signing key (named by the <c>kid</c> header); the validation side pins the same algorithm, issuer and audience.</summary>
public sealed class JwtTokenIssuer(KeyRing keys, IOptions<SecurityOptions> options) : ITokenIssuer
{
    public const string SecurityStampClaim = "stamp";
    public const string SessionClaim = "sid";
    public const string ClientIdClaim = "client_id";
    public const string ScopeClaim = "scope";
    public const string Algorithm = TokenSigningKeys.Algorithm;

    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(Account account, Guid sessionId, DateTimeOffset now)
    {
        var expires = now + options.Value.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, account.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(JwtRegisteredClaimNames.PreferredUsername, account.Username),
            new(SecurityStampClaim, account.SecurityStamp),
            new(SessionClaim, sessionId.ToString()),
        };
        claims.AddRange(RoleNames.Of(account.Roles).Select(role => new Claim("role", role)));
        return Sign(claims, now, expires);
    }

    public AccessToken IssueForService(ServiceAccount account, DateTimeOffset now)
    {
        var expires = now + options.Value.ServiceTokenLifetime;
        List<Claim> claims =
        [
            new(JwtRegisteredClaimNames.Sub, account.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(ClientIdClaim, account.ClientId),
            new(SessionClaim, account.CredentialId.ToString()),
            new("role", RoleNames.Integration),

            // RFC 8693's form: one space-separated string.
            new(ScopeClaim, string.Join(' ', account.Scopes)),
        ];
        return Sign(claims, now, expires);
    }

    private AccessToken Sign(List<Claim> claims, DateTimeOffset now, DateTimeOffset expires)
    {
        var settings = options.Value;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.SigningKeys.Active,
        });
        return new AccessToken(token, expires);
    }
}
