using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// Runs what the process was started for. Settings are checked before anything touches the
/// database; a bad one ends the process with one log line naming it and exit code 1, never a stack trace.
/// </summary>
public static partial class HostRunner
{
    public const int RefusedExitCode = 1;

    public static async Task<int> RunAsync(this WebApplication app, HostCommand command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tahseen.Startup");
        try
        {
            ValidateSettings(app.Services);
            switch (command.Name)
            {
                case HostCommand.Migrate:
                    await app.Services.MigrateDatabaseAsync();
                    return 0;
                case HostCommand.CreateAdmin:
                    await app.Services.InitialiseDatabaseAsync();
                    return await CreateAdminCommand.RunAsync(app.Services, command, Console.In, Console.Error);
                case HostCommand.Backup:
                    return await BackupCommand.RunAsync(app.Services, command, Console.Error);
                default:
                    await app.Services.InitialiseDatabaseAsync();
                    break;
            }
        }
        catch (Exception exception) when (exception is SettingsException or StartupRefusedException)
        {
            LogRefused(logger, exception.Message);
            return RefusedExitCode;
        }

        app.MapGrpcEdge();
        app.MapHttpEdge();
        app.MapProbes();
        app.MapTelemetry();
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// A setting read while the host is being put together (before logging exists) was refused:
    /// the same one line, on standard error.
    /// </summary>
    public static int RefuseBeforeBuild(Exception exception)
    {
        Console.Error.WriteLine($"crit: Tahseen.Startup Start-up refused: {exception.Message}");
        return RefusedExitCode;
    }

    /// <summary>Binds and validates every options class registered with <c>ValidateOnStart</c>.</summary>
    public static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException exception)
        {
            throw new SettingsException(string.Join("; ", exception.Failures), exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            throw new SettingsException(string.Join("; ", failures), exception);
        }
        catch (InvalidOperationException exception)
        {
            // The configuration binder's "Failed to convert configuration value at 'X' to type 'Y'".
            throw new SettingsException(exception.Message, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>A setting is missing or has a value the service cannot run with.</summary>
public sealed class SettingsException : InvalidOperationException
{
    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
