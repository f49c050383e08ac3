namespace Tahseen.Infrastructure.Security;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// RSA private keys (PEM, at least 2048 bits) that sign access tokens with RS256. Every listed key's
    /// public half is published at <c>/.well-known/jwks.json</c> and verifies tokens, so a retired key
    /// stays listed until the tokens it signed have expired. Required in Production.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>
    /// The id in <see cref="SigningKeys"/> that signs new tokens; default the last one listed. Listing a
    /// new key before making it active lets verifiers that cache the key set learn it first.
    /// </summary>
    public string? ActiveSigningKey { get; set; }

    /// <summary>Base64 key (at least 32 bytes) of the keyed hash for codes and tokens at rest. Required in Production.</summary>
    public string? HashKey { get; set; }

    /// <summary>
    /// Keys that encrypt personal data at rest (AES-256-GCM). Each stored value names the key that
    /// sealed it, so old keys stay listed until the re-encryption job has moved every value to the
    /// active one. Required in Production.
    /// </summary>
    public List<DataKeyOptions> DataKeys { get; set; } = [];

    /// <summary>The id in <see cref="DataKeys"/> that seals new values; default the last one listed.</summary>
    public string? ActiveDataKey { get; set; }

    /// <summary>
    /// Keys of the keyed hashes (HMAC-SHA256) stored beside encrypted values for lookups and
    /// uniqueness; rotated like <see cref="DataKeys"/>, by the re-hash job. Required in Production.
    /// </summary>
    public List<DataKeyOptions> LookupKeys { get; set; } = [];

    /// <summary>The id in <see cref="LookupKeys"/> that hashes new values; default the last one listed.</summary>
    public string? ActiveLookupKey { get; set; }

    /// <summary>
    /// Development only: when a key is not configured, generate one once and keep it in the database so
    /// that every replica and every restart uses the same one.
    /// </summary>
    public bool GenerateMissingKeys { get; set; }

    public string Issuer { get; set; } = "https://tahseen.gov.sa";

    public string Audience { get; set; } = "tahseen-grpc";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>One entry of <c>Security:DataKeys</c> or <c>Security:LookupKeys</c>.</summary>
public sealed class DataKeyOptions
{
    /// <summary>Short name stored with every value it protects: letters, digits, '-' or '_', at most 16.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Base64, exactly 32 bytes.</summary>
    public string Key { get; set; } = string.Empty;
}

/// <summary>One entry of <c>Security:SigningKeys</c>.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>The token header's <c>kid</c>: letters, digits, '-' or '_', at most 16.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>An RSA private key in PEM (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY").</summary>
    public string Key { get; set; } = string.Empty;
}
