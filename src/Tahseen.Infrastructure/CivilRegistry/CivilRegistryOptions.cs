namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>Configuration section "CivilRegistry": where identities are looked up.</summary>
public sealed class CivilRegistryOptions
{
    public const string SectionName = "CivilRegistry";
    public const string EmbeddedProvider = "Embedded";
    public const string HttpProvider = "Http";

    /// <summary><c>Embedded</c> (the shipped synthetic persons) or <c>Http</c> (the registry's service).</summary>
    public string Provider { get; set; } = EmbeddedProvider;

    /// <summary>Outside Development the synthetic registry would let invented people register, so it is refused unless this says it is meant.</summary>
    public bool AllowEmbedded { get; set; }

    public CivilRegistryHttpOptions Http { get; set; } = new();
}

/// <summary>The HTTP registry: <c>GET {Url}/persons/{nationalId}</c> answering a person as JSON, or 404.</summary>
public sealed class CivilRegistryHttpOptions
{
    public Uri? Url { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole lookup, retries included; past it the caller gets UNAVAILABLE.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an answer is reused; a registry change reaches this service within it.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
