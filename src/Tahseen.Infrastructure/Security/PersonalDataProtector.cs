using System.Security.Cryptography;
using System.Text;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;

namespace Tahseen.Infrastructure.Security;

/// <summary>
/// Seals personal data with AES-256-GCM under the active data key and computes the lookup hashes
/// beside it. A sealed value reads <c>enc:v1:&lt;key id&gt;:&lt;base64 nonce|tag|ciphertext&gt;</c>;
/// the column it belongs to is bound in as associated data, so a value copied into another column
/// does not open. A lookup hash reads <c>&lt;key id&gt;:&lt;hex HMAC-SHA256&gt;</c> over the kind
/// and the canonical value.
/// </summary>
public sealed class PersonalDataProtector(IDataKeySource keys) : IPersonalDataLookup
{
    public const string Prefix = "enc:v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public LookupKey NationalId(string nationalId) => new(LookupColumns.NationalIdHash, LookupHashes(LookupKind.NationalId, nationalId));

    public LookupKey MobileNumber(string mobileNumber) => new(LookupColumns.MobileNumberHash, LookupHashes(LookupKind.MobileNumber, mobileNumber));

    public LookupKey Email(string email) => new(LookupColumns.EmailHash, LookupHashes(LookupKind.Email, email));

    public string Protect(string plaintext, string purpose)
    {
        var set = keys.EncryptionKeys;
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + clear.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(set.Active, TagBytes);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Associated(set.ActiveId, purpose));
        return $"{Prefix}{set.ActiveId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>
    /// Opens a sealed value. A value without the prefix is taken as written before encryption existed
    /// (the re-encryption job seals those); a sealed value that does not open is an error.
    /// </summary>
    public string Unprotect(string stored, string purpose)
    {
        if (!TrySplit(stored, out var keyId, out var payload))
        {
            return stored;
        }

        if (!keys.EncryptionKeys.Keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Personal data sealed under key '{keyId}', which is no longer configured.");
        }

        var sealedBytes = Convert.FromBase64String(payload);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("Sealed personal data is truncated.");
        }

        var clear = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), clear, Associated(keyId, purpose));
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>The key a stored value is sealed under; null for a value written in clear.</summary>
    public static string? SealingKeyOf(string stored) => TrySplit(stored, out var keyId, out _) ? keyId : null;

    /// <summary>The lookup key a stored hash was made with.</summary>
    public static string HashKeyOf(string storedHash) => storedHash[..Math.Max(0, storedHash.IndexOf(':', StringComparison.Ordinal))];

    /// <summary>The hash a new or changed value is stored with: under the active lookup key.</summary>
    public string LookupHash(LookupKind kind, string value)
    {
        var set = keys.LookupKeys;
        return Hash(set.ActiveId, set.Active, kind, value);
    }

    private string[] LookupHashes(LookupKind kind, string value) =>
        keys.LookupKeys.Keys.Select(k => Hash(k.Key, k.Value, kind, value)).ToArray();

    private static string Hash(string keyId, byte[] key, LookupKind kind, string value) =>
        $"{keyId}:{Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}\0{value}")))}";

    private static bool TrySplit(string stored, out string keyId, out string payload)
    {
        keyId = payload = string.Empty;
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = stored.IndexOf(':', Prefix.Length);
        if (separator < 0)
        {
            throw new CryptographicException("Sealed personal data has no key id.");
        }

        keyId = stored[Prefix.Length..separator];
        payload = stored[(separator + 1)..];
        return true;
    }

    private static byte[] Associated(string keyId, string purpose) => Encoding.UTF8.GetBytes($"{keyId}\0{purpose}");
}

/// <summary>What a lookup hash is of; part of the hashed text, so equal digits in two kinds differ.</summary>
public enum LookupKind
{
    NationalId = 1,
    MobileNumber = 2,
    Email = 3,
}
