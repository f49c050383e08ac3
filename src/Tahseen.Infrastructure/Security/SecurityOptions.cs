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
    /// Development only: when a key is not configured, generate one once and keep it in the database so
    /// that every replica and every restart uses the same one.
    /// </summary>
    public bool GenerateMissingKeys { get; set; }

    public string Issuer { get; set; } = "https://tahseen.gov.sa";

    public string Audience { get; set; } = "tahseen-grpc";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
