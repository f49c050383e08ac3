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
    public const string Algorithm = TokenSigningKeys.Algorithm;

    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(Account account, Guid sessionId, DateTimeOffset now)
    {
        var settings = options.Value;
        var expires = now + settings.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, account.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(JwtRegisteredClaimNames.PreferredUsername, account.Username),
            new(SecurityStampClaim, account.SecurityStamp),
            new(SessionClaim, sessionId.ToString()),
        };
        claims.AddRange(RoleNames.Of(account.Roles).Select(role => new Claim("role", role)));

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
