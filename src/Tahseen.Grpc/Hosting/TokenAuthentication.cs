using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Bearer access tokens: RS256 only, signed by a key of the ring that its <c>kid</c> names, issuer and audience pinned, lifetime checked against the
/// application's clock, and on every call the token's session must not have ended and the account's
/// security stamp and status must still match, so logout, refresh-token reuse, a password change or a
/// disabled account ends a session at once rather than at token expiry. A service account's token names
/// its current credential as the session: a rotated secret or a disabled service account stops it the same
/// way. The check is one query on primary keys, kept by <see cref="AccessCheckCache"/> for at most
/// <c>Security:SessionRecheckInterval</c> (5 s): a change committed in this process reaches the next call
/// at once, one committed by another replica within the interval. It also reads the account's current
/// roles, which replace the token's: an admin's role change (SetAccountRoles) applies from the account's
/// next call, without ending its sessions, and a demoted admin loses the admin methods at once.
/// </summary>
public static class TokenAuthentication
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string SessionClaim = JwtTokenIssuer.SessionClaim;
    public const string ScopeClaim = JwtTokenIssuer.ScopeClaim;
    public const string ClientIdClaim = JwtTokenIssuer.ClientIdClaim;
    internal const string FailureKey = "tahseen.auth.failure";

    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<KeyRing, IOptions<SecurityOptions>, TimeProvider>((options, keys, security, clock) =>
            {
                options.MapInboundClaims = false;
                options.TimeProvider = clock;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = security.Value.Issuer,
                    ValidAudience = security.Value.Audience,
                    ValidAlgorithms = [JwtTokenIssuer.Algorithm],
                    IssuerSigningKeys = keys.SigningKeys.VerificationKeys,

                    // The kid must name a key of the ring: a token of an unknown key is refused without trying every key.
                    TryAllIssuerSigningKeys = false,
                    NameClaimType = "preferred_username",
                    RoleClaimType = RoleClaim,
                    RequireExpirationTime = true,
                    LifetimeValidator = (notBefore, expires, _, _) => ValidateLifetime(notBefore, expires, clock),
                };
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[FailureKey] = context.Exception is SecurityTokenExpiredException
                            ? ErrorReason.TokenExpired
                            : ErrorReason.TokenInvalid;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = EnsureSessionStillValidAsync,
                };
            });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return services;
    }

    private static bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null || expires <= now)
        {
            throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expires ?? DateTime.MinValue };
        }

        if (notBefore > now.AddMinutes(1))
        {
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.");
        }

        return true;
    }

    private static async Task EnsureSessionStillValidAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirst(ClientIdClaim) is not null)
        {
            await EnsureServiceCredentialStillValidAsync(context);
            return;
        }

        var stamp = principal?.FindFirst(JwtTokenIssuer.SecurityStampClaim)?.Value;
        if (!Guid.TryParse(principal?.FindFirst(SubjectClaim)?.Value, out var accountId)
            || !Guid.TryParse(principal?.FindFirst(SessionClaim)?.Value, out var sessionId)
            || stamp is null)
        {
            Reject(context);
            return;
        }

        var cache = context.HttpContext.RequestServices.GetRequiredService<AccessCheckCache>();
        if (cache.TryGet(sessionId, accountId, stamp, out var cached))
        {
            UseCurrentRoles(principal!, cached);
            return;
        }

        var generation = cache.Generation(accountId);
        var db = context.HttpContext.RequestServices.GetRequiredService<TahseenDbContext>();
        var roles = await db.Sessions
            .Where(s => s.Id == sessionId && s.AccountId == accountId && s.EndTime == null)
            .Join(db.Accounts.Where(a => a.SecurityStamp == stamp && a.Status == AccountStatus.Active), s => s.AccountId, a => a.Id, (s, a) => (AccountRoles?)a.Roles)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (roles is null)
        {
            Reject(context);
            return;
        }

        cache.Store(sessionId, accountId, stamp, roles.Value, generation);
        UseCurrentRoles(principal!, roles.Value);
    }

    /// <summary>The roles the account holds now, in place of those the token was issued with.</summary>
    private static void UseCurrentRoles(System.Security.Claims.ClaimsPrincipal principal, AccountRoles roles)
    {
        if (principal.Identity is not System.Security.Claims.ClaimsIdentity identity)
        {
            return;
        }

        var current = RoleNames.Of(roles).ToHashSet(StringComparer.Ordinal);
        var held = identity.FindAll(RoleClaim).ToList();
        if (held.Count == current.Count && held.All(c => current.Contains(c.Value)))
        {
            return;
        }

        foreach (var claim in held)
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in current)
        {
            identity.AddClaim(new System.Security.Claims.Claim(RoleClaim, role));
        }
    }

    private static async Task EnsureServiceCredentialStillValidAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirst(SubjectClaim)?.Value, out var accountId)
            || !Guid.TryParse(principal.FindFirst(SessionClaim)?.Value, out var credentialId))
        {
            Reject(context);
            return;
        }

        // A service credential has no stamp: the credential id is the session, and rotating it makes a new one.
        var cache = context.HttpContext.RequestServices.GetRequiredService<AccessCheckCache>();
        if (cache.TryGet(credentialId, accountId, string.Empty, out _))
        {
            return;
        }

        var generation = cache.Generation(accountId);
        var db = context.HttpContext.RequestServices.GetRequiredService<TahseenDbContext>();
        var live = await db.ServiceAccounts.AnyAsync(
            s => s.Id == accountId && s.CredentialId == credentialId && s.Status == AccountStatus.Active,
            context.HttpContext.RequestAborted);
        if (!live)
        {
            Reject(context);
            return;
        }

        cache.Store(credentialId, accountId, string.Empty, AccountRoles.None, generation);
    }

    private static void Reject(TokenValidatedContext context)
    {
        context.HttpContext.Items[FailureKey] = ErrorReason.TokenInvalid;
        context.Fail("The session has ended.");
    }
}
