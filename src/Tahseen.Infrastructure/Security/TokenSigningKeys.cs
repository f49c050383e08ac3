using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Tahseen.Infrastructure.Security;

/// <summary>
/// The RSA keys of access tokens, parsed once: the active one signs (its id goes in the token's
/// <c>kid</c> header), every listed one verifies, and their public halves make the JWKS document that
/// other systems verify tokens with offline. The key objects live as long as the process, so the
/// token library's per-key signature providers are built once rather than on every call.
/// </summary>
public sealed class TokenSigningKeys
{
    public const string Algorithm = SecurityAlgorithms.RsaSha256;
    public const int MinKeyBits = 2048;

    private TokenSigningKeys(SigningCredentials active, IReadOnlyList<SecurityKey> verificationKeys, byte[] jwks)
    {
        Active = active;
        VerificationKeys = verificationKeys;
        JwksDocument = jwks;
    }

    /// <summary>Signs new tokens.</summary>
    public SigningCredentials Active { get; }

    /// <summary>The public keys, each under its id; a token is checked against the one its <c>kid</c> names.</summary>
    public IReadOnlyList<SecurityKey> VerificationKeys { get; }

    /// <summary>The JSON Web Key Set (RFC 7517) of <see cref="VerificationKeys"/>, UTF-8.</summary>
    public byte[] JwksDocument { get; }

    /// <summary>
    /// Parses the keys; throws <see cref="InvalidOperationException"/> naming the setting when a key is
    /// not an RSA private key of at least <see cref="MinKeyBits"/> bits, an id is listed twice, or the
    /// active id is not listed.
    /// </summary>
    public static TokenSigningKeys Create(IReadOnlyList<(string Id, string Pem)> keys, string activeId, string name)
    {
        var signing = new Dictionary<string, RSA>(StringComparer.Ordinal);
        foreach (var ((id, pem), index) in keys.Select((k, i) => (k, i)))
        {
            var rsa = ParsePrivateKey(pem, $"{name}:{index}:Key");
            if (!signing.TryAdd(id, rsa))
            {
                throw new InvalidOperationException($"{name} lists the id '{id}' twice.");
            }
        }

        if (!signing.TryGetValue(activeId, out var active))
        {
            throw new InvalidOperationException($"{name} does not list the active signing key '{activeId}'.");
        }

        var published = signing.Select(k => (Id: k.Key, Public: k.Value.ExportParameters(includePrivateParameters: false))).ToList();
        var verification = published
            .Select(k => (SecurityKey)new RsaSecurityKey(RSA.Create(k.Public)) { KeyId = k.Id })
            .ToList();
        var document = JsonSerializer.SerializeToUtf8Bytes(new
        {
            keys = published.Select(k => new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = Algorithm,
                ["kid"] = k.Id,
                ["n"] = Base64UrlEncoder.Encode(k.Public.Modulus),
                ["e"] = Base64UrlEncoder.Encode(k.Public.Exponent),
            }),
        });
        return new TokenSigningKeys(
            new SigningCredentials(new RsaSecurityKey(active) { KeyId = activeId }, Algorithm), verification, document);
    }

    /// <summary>A new RSA private key in PKCS#8 PEM, for Development to keep in its database.</summary>
    public static string GeneratePem()
    {
        using var rsa = RSA.Create(MinKeyBits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static RSA ParsePrivateKey(string pem, string name)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);

            // A public key imports too, but cannot sign.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{name} must be an RSA private key in PEM (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).");
        }

        if (rsa.KeySize < MinKeyBits)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{name} must be an RSA key of at least {MinKeyBits} bits.");
        }

        return rsa;
    }
}
