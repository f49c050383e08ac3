using System.Security.Cryptography;
using System.Text;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>How a service account is shown; never with its secret.</summary>
public sealed record ServiceAccountDto(string ClientId, string Name, IReadOnlyList<string> Scopes, AccountStatusView Status, DateTimeOffset CreateTime)
{
    public static ServiceAccountDto From(ServiceAccount account) => new(
        account.ClientId,
        account.Name,
        account.Scopes,
        account.Status == AccountStatus.Disabled ? AccountStatusView.Disabled : AccountStatusView.Active,
        account.CreateTime);
}

/// <summary>A service account with the secret that was just made for it: the only time the secret leaves the service.</summary>
public sealed record ServiceAccountWithSecretDto(ServiceAccountDto ServiceAccount, string ClientSecret);

/// <summary>
/// Client ids and secrets of service accounts. A secret is 256 random bits, stored only as a keyed hash
/// (HMAC-SHA256 under the server's hash key). A slow password hash exists to make guessing a person's
/// low-entropy password expensive; a 256-bit random secret cannot be guessed at any speed, so the slow
/// hash would only cost CPU on every token request. The key keeps a stolen database from confirming a
/// secret offline.
/// </summary>
public sealed class ServiceAccountCredentials(IKeyedHasher hasher)
{
    private const string ClientIdPrefix = "svc_";
    private const int SecretBytes = 32;

    /// <summary>Compared against when the client id is unknown, so that both failures do the same work.</summary>
    private static readonly string DummyHash = new('0', 64);

    public static string NewClientId() => ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public string Hash(string secret) => hasher.Hash("service-secret:" + secret);

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="storedHash"/> was made from, in constant time.</summary>
    public bool Matches(string secret, string? storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(secret));
        var stored = Encoding.ASCII.GetBytes(storedHash ?? DummyHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored) && storedHash is not null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
