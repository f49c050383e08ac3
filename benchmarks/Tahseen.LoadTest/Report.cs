using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tahseen.LoadTest;

/// <summary>One row of the table: the measurement, its ratio to the baseline of the same run, and its target.</summary>
internal sealed record ReportRow(Measurement Measurement, double? Ratio, string Target, bool? Met);

/// <summary>The run as a whole: the machine, the figures the targets need, and the rows.</summary>
internal sealed record RunReport(
    DateTimeOffset Time,
    string Machine,
    int Cores,
    string Provider,
    long SmallSeed,
    long? LargeSeed,
    int Connections,
    int Concurrency,
    double DurationSeconds,
    double WarmupSeconds,
    double PasswordHashMs,
    double LoginTargetPerSecond,
    double BaselineRate,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public long Errors => Rows.Sum(r => r.Measurement.Errors);

    /// <summary>Rows whose target is not met (in a smoke run: with an error or without one OK call).</summary>
    public int Failed => Rows.Count(r => r.Met == false);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var large = LargeSeed is { } rows ? string.Create(CultureInfo.InvariantCulture, $", then {rows:N0} for the 1m rows") : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Load test {Time:yyyy-MM-dd HH:mm} UTC on {Machine}; {Provider}; {SmallSeed:N0} tickets{large}; {Connections} connections, " +
            $"{Concurrency} calls in flight; warm-up {WarmupSeconds:0.#} s, window {DurationSeconds:0.#} s; one password hash {PasswordHashMs:0.0} ms, " +
            $"so the login target is 0.8 × {Cores} ÷ {PasswordHashMs:0.0} ms = {LoginTargetPerSecond:0} a second. " +
            $"B = {BaselineRate:0} calls a second, the mean of the baseline's two rows.");
        text.AppendLine();
        text.AppendLine("| scenario | req/s | × baseline | p50 ms | p90 ms | p99 ms | max ms | errors | target | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in Rows)
        {
            var m = row.Measurement;
            var rate = m.FixedRate is { } fixedRate ? $"{m.RequestsPerSecond:0} (fixed {fixedRate:0})" : $"{m.RequestsPerSecond:0}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Scenario} | {rate} | {Ratio(row.Ratio)} | {Ms(m.P50Ms)} | {Ms(m.P90Ms)} | {Ms(m.P99Ms)} | {Ms(m.MaxMs)} | {m.Errors} | {row.Target} | {Met(row.Met)} |");
        }

        foreach (var note in Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.NewLine}{note}");
        }

        foreach (var row in Rows.Where(r => r.Measurement.ErrorSamples.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.NewLine}{row.Measurement.Scenario} errors: {string.Join("; ", row.Measurement.ErrorSamples)}");
        }

        return text.ToString();
    }

    private static string Ratio(double? ratio) => ratio switch
    {
        null => "—",
        >= 0.1 => ratio.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => ratio.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms < 10 ? ms.ToString("0.00", CultureInfo.InvariantCulture) : ms.ToString("0", CultureInfo.InvariantCulture);

    private static string Met(bool? met) => met switch
    {
        true => "met",
        false => "**not met**",
        null => "—",
    };
}

/// <summary>Issue 16, item 3: each target beside its figure (ratios to the baseline of the same run, never a fixed rate).</summary>
internal static class Targets
{
    public static ReportRow Judge(Measurement m, double? baseline, double loginTarget, IReadOnlyDictionary<string, Measurement> results, bool smoke)
    {
        var ratio = baseline is > 0 && m.FixedRate is null ? m.RequestsPerSecond / baseline : null;
        var (target, met) = m.Scenario switch
        {
            var s when s == Scenario.PasswordPolicy.Name => ("≥ 0.8 × B", ratio >= 0.8),
            var s when s == Scenario.GetTicket.Name => ("≥ 0.2 × B", ratio >= 0.2),
            var s when s == Scenario.GetTicketLarge.Name => LargeGetTicket(ratio, baseline, results),
            var s when s == Scenario.ListMyTickets.Name => ("≥ 0.1 × B", ratio >= 0.1),
            var s when s == Scenario.SubmitTicket.Name => ("≥ 0.03 × B", ratio >= 0.03),
            var s when s == Scenario.Login.Name => (string.Create(CultureInfo.InvariantCulture, $"≥ {loginTarget:0}/s"), m.RequestsPerSecond >= loginTarget),
            var s when s == Scenario.Statistics.Name || s == Scenario.StatisticsLarge.Name => ("max < 1000 ms", m.Calls > 0 && m.MaxMs < 1000),
            var s when s == Scenario.GetTicketHalf.Name => ("p99 ≤ 5 ms", m.Calls > 0 && m.P99Ms <= 5),
            var s when s == Scenario.SubmitTicketHalf.Name => ("p99 ≤ 20 ms", m.Calls > 0 && m.P99Ms <= 20),
            _ => ("0 errors", (bool?)(m.Errors == 0)),
        };

        // A smoke run is too short and too small for its figures to mean anything: only that every call was
        // answered with OK, and that there was at least one, are judged.
        return smoke ? new ReportRow(m, ratio, "0 errors, ≥ 1 OK", m.Errors == 0 && m.Succeeded > 0) : new ReportRow(m, ratio, target, met is { } ok ? ok && m.Errors == 0 : null);
    }

    private static (string, bool?) LargeGetTicket(double? ratio, double? baseline, IReadOnlyDictionary<string, Measurement> results)
    {
        if (!results.TryGetValue(Scenario.GetTicket.Name, out var small) || baseline is not > 0)
        {
            return ("≥ 0.2 × B", ratio >= 0.2);
        }

        var smallRatio = small.RequestsPerSecond / baseline.Value;
        return (string.Create(CultureInfo.InvariantCulture, $"≥ 0.2 × B and ≥ 0.8 × 10k ({0.8 * smallRatio:0.000})"), ratio >= 0.2 && ratio >= 0.8 * smallRatio);
    }
}
