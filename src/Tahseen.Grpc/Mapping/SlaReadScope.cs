using Tahseen.Application.Staff;
using Tahseen.Application.Tickets;
using ProtoSlaState = Tahseen.Contracts.V1.SlaState;

namespace Tahseen.Grpc.Mapping;

/// <summary>
/// A ticket's <c>sla_state</c> is computed as it is answered (it moves with the clock, not with the
/// ticket), from the host's <see cref="SlaReader"/>: the one calendar, the configured policy and the
/// host's clock. The middleware below puts the request's reader where the static mapping reads it.
/// </summary>
public static class SlaReadScope
{
    private static readonly AsyncLocal<SlaReader?> Reader = new();

    public static ProtoSlaState StateOf(TicketDto ticket) => EnumMappings.ToProto(Current.StateOf(ticket));

    /// <summary>The ticket's <c>paused_duration</c>, which moves with the clock while a pause is open; unset before any pause.</summary>
    public static TimeSpan? PausedDurationOf(TicketDto ticket) => Current.PausedDurationOf(ticket);

    private static SlaReader Current =>
        Reader.Value ?? throw new InvalidOperationException("A ticket is mapped outside a request; the SLA reader is not in scope.");

    /// <summary>Runs the rest of the request with the host's SLA reader in scope.</summary>
    public sealed class Middleware(RequestDelegate next, SlaReader reader)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            Reader.Value = reader;
            try
            {
                await next(context);
            }
            finally
            {
                Reader.Value = null;
            }
        }
    }
}
