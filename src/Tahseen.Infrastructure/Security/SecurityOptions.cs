namespace Tahseen.Infrastructure.Security;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) that signs access tokens. Required in Production.</summary>
    public string? SigningKey { get; set; }

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
