using System.Net;

namespace Tahseen.Grpc.Hosting;

/// <summary>Settings of the request rate limits (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Cost units per minute per client address on anonymous methods; 0 turns the limit off.</summary>
    public int AnonymousPerMinute { get; set; } = 60;

    /// <summary>Cost units per minute per signed-in account on authenticated methods; 0 turns the limit off.</summary>
    public int AccountPerMinute { get; set; } = 300;

    /// <summary>
    /// CreateServiceToken attempts per minute per client id, whoever sends them (on top of the address's
    /// budget); 0 turns the limit off. A system needs one token per token lifetime.
    /// </summary>
    public int ServiceTokenPerClientPerMinute { get; set; } = 10;

    /// <summary>
    /// Addresses (or CIDR networks) of the proxies whose X-Forwarded-For is believed, such as the
    /// citizen portal's back-end that forwards its citizens' addresses.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Reads and checks the section; a bad value stops start-up with a message naming the setting.</summary>
    public static RateLimitOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new RateLimitOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new SettingsException($"{SectionName}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }

        if (options.AnonymousPerMinute < 0)
        {
            throw new SettingsException($"{SectionName}:{nameof(AnonymousPerMinute)} must be 0 (off) or more; it is {options.AnonymousPerMinute}.");
        }

        if (options.AccountPerMinute < 0)
        {
            throw new SettingsException($"{SectionName}:{nameof(AccountPerMinute)} must be 0 (off) or more; it is {options.AccountPerMinute}.");
        }

        if (options.ServiceTokenPerClientPerMinute < 0)
        {
            throw new SettingsException(
                $"{SectionName}:{nameof(ServiceTokenPerClientPerMinute)} must be 0 (off) or more; it is {options.ServiceTokenPerClientPerMinute}.");
        }

        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _))
            {
                throw new SettingsException($"{SectionName}:{nameof(TrustedProxies)} holds '{proxy}', which is not an IP address or a CIDR network.");
            }
        }

        return options;
    }

    public IReadOnlyList<IPNetwork> TrustedNetworks() =>
        TrustedProxies
            .Select(p => IPNetwork.TryParse(p, out var network) ? network : new IPNetwork(IPAddress.Parse(p), IPAddress.Parse(p).GetAddressBytes().Length * 8))
            .ToList();
}
