using System.Diagnostics.Metrics;

namespace Tahseen.Application.Common.Observability;

/// <summary>
/// The service's own metrics (meter "Tahseen"). Tags are method names, reason codes and ticket
/// types: never an identity, a mobile number or an account id.
/// </summary>
public static class TahseenMetrics
{
    public const string MeterName = "Tahseen";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Every call by method and outcome reason (<c>OK</c> or the error reason).</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("tahseen.rpc.calls", "{call}", "Calls by method and outcome reason");

    public static readonly Counter<long> CodesSent = Meter.CreateCounter<long>("tahseen.otp.sent", "{code}", "One-time codes handed to the SMS gateway");

    public static readonly Counter<long> LoginsThrottled = Meter.CreateCounter<long>("tahseen.logins.throttled", "{login}", "Sign-ins refused by throttling or lockout, by reason");

    public static readonly Counter<long> TicketsSubmitted = Meter.CreateCounter<long>("tahseen.tickets.submitted", "{ticket}", "Tickets submitted, by type");

    public static readonly Counter<long> TicketsResolved = Meter.CreateCounter<long>("tahseen.tickets.resolved", "{ticket}", "Tickets resolved, by type");

    public static readonly Counter<long> TicketsBreached = Meter.CreateCounter<long>(
        "tahseen.tickets.breached", "{ticket}", "Tickets resolved or rejected after their due time, by type");
}
