using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// Logs each use case with its name, duration and outcome reason. Field values are never logged:
/// requests carry passwords, one-time codes and personal data.
/// </summary>
[PipelineOrder(1)]
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            LogOutcome(started, "OK");
            return response;
        }
        catch (TahseenException exception)
        {
            LogOutcome(started, exception.Reason.Code);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogOutcome(started, "CANCELLED");
            throw;
        }
    }

    private void LogOutcome(long started, string outcome)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(RequestName, elapsedMilliseconds, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} handled in {ElapsedMilliseconds:0.0} ms: {Outcome}")]
    private partial void LogHandled(string request, double elapsedMilliseconds, string outcome);
}
