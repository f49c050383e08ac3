using System.Net;
using Grpc.Net.Client;
using Tahseen.Baseline.V1;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;

namespace Tahseen.LoadTest;

/// <summary>
/// N channels to one host, each on its own HTTP/2 connection (a channel with several connections opens a
/// second one only once the first has 100 streams; separate channels spread the calls as h2load's -c does).
/// Caller <c>w</c> always uses connection <c>w % N</c>.
/// </summary>
internal sealed class Connections : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public Connections(Uri address, int count)
    {
        _channels = [.. Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = Timeout.InfiniteTimeSpan,
                AutomaticDecompression = DecompressionMethods.None,
                UseProxy = false,
            },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        }))];
        Baseline = [.. _channels.Select(c => new BaselineService.BaselineServiceClient(c))];
        Identity = [.. _channels.Select(c => new IdentityService.IdentityServiceClient(c))];
        Tickets = [.. _channels.Select(c => new TicketService.TicketServiceClient(c))];
        Staff = [.. _channels.Select(c => new StaffTicketService.StaffTicketServiceClient(c))];
        Sandbox = [.. _channels.Select(c => new SandboxService.SandboxServiceClient(c))];
    }

    public IReadOnlyList<BaselineService.BaselineServiceClient> Baseline { get; }

    public IReadOnlyList<IdentityService.IdentityServiceClient> Identity { get; }

    public IReadOnlyList<TicketService.TicketServiceClient> Tickets { get; }

    public IReadOnlyList<StaffTicketService.StaffTicketServiceClient> Staff { get; }

    public IReadOnlyList<SandboxService.SandboxServiceClient> Sandbox { get; }

    /// <summary>Opens every connection before a measurement, so that no caller pays a handshake inside the window.</summary>
    public async Task ConnectAsync()
    {
        await Task.WhenAll(_channels.Select(c => c.ConnectAsync()));
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
