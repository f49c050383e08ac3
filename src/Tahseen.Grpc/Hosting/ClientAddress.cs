using System.Net;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Who the caller is on the network, for per-address limits: the peer address, or, when the peer is
/// a trusted proxy, the last X-Forwarded-For entry that is not itself a trusted proxy. Entries left
/// of that one were written by the client and prove nothing, so they are never believed.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    public static string Resolve(IPAddress? peer, string? forwardedFor, IReadOnlyList<IPNetwork> trustedProxies)
    {
        var peerKey = Normalise(peer)?.ToString() ?? "unknown";
        if (peer is null || !IsTrusted(peer, trustedProxies) || string.IsNullOrWhiteSpace(forwardedFor))
        {
            return peerKey;
        }

        var hops = forwardedFor.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                // Not an address, yet written by a trusted proxy: it is what that proxy saw.
                return hops[i];
            }

            if (!IsTrusted(hop, trustedProxies))
            {
                return Normalise(hop)!.ToString();
            }
        }

        // Every hop is one of ours: the request started at a trusted proxy itself.
        return hops.Length > 0 ? Normalise(IPAddress.Parse(hops[0]))!.ToString() : peerKey;
    }

    private static bool IsTrusted(IPAddress address, IReadOnlyList<IPNetwork> trustedProxies)
    {
        var normalised = Normalise(address)!;
        return trustedProxies.Any(network => network.Contains(normalised));
    }

    private static IPAddress? Normalise(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
