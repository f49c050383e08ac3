using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tahseen.Application.Calendar;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Readiness detail for operators: how far the holidays are known, and Degraded (still ready: due times
/// are computed, counting weekends only) once a due time was asked beyond that.
/// </summary>
public sealed class CalendarCoverageCheck(HolidayCalendar holidays) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var calendar = holidays.Current;
        holidays.WarnOnceIfUncovered();
        var covered = calendar.CoveredThrough is { } day ? Date(day) : "none";
        if (calendar.FirstUncoveredDayAsked is { } asked)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"holidays are known through {covered}; a due time reached {Date(asked)}, where only weekends count as days off: add that year's holidays"));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"holidays are known through {covered}"));
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
