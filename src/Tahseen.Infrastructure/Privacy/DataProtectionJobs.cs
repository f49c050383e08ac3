using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Application.Privacy;
using Tahseen.Domain.Common;
using Tahseen.Domain.Privacy;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Privacy;

/// <summary>
/// Carries out erasure requests (<see cref="RunErasuresAsync"/>) and the retention schedule for ticket
/// content (<see cref="RunContentRetentionAsync"/>); <see cref="DataProtectionWorker"/> runs both every
/// <see cref="TicketContentRetentionOptions.PrivacyJobsInterval"/>, and tests call them. Each request or batch is its own unit of work, so replicas running the job at once repeat nothing:
/// a completed request is skipped, and a ticket changed meanwhile fails its version check and waits for
/// the next pass. On SQLite, a pass that destroyed anything ends with a truncating checkpoint: the
/// write-ahead log still holds page images from before, and a pass is not done until the files are clean.
/// </summary>
public sealed partial class DataProtectionJobs(
    IServiceScopeFactory scopes,
    IOptions<TicketContentRetentionOptions> options,
    TimeProvider clock,
    ILogger<DataProtectionJobs> logger)
{
    public const int BatchSize = 100;

    /// <summary>One pass over the open erasure requests, soonest due first; returns how many accounts it erased.</summary>
    public async Task<int> RunErasuresAsync(CancellationToken cancellationToken)
    {
        List<Guid> open;
        await using (var scope = scopes.CreateAsyncScope())
        {
            open = await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().DataSubjectRequests
                .Where(r => r.Kind == DataSubjectRequestKind.Erasure && r.Status != DataSubjectRequestStatus.Completed)
                .OrderBy(r => r.DueTime)
                .Select(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var erased = 0;
        foreach (var requestId in open)
        {
            if (await SendAsync(new EraseAccountCommand(requestId), ErasureOutcome.NotOpen, cancellationToken) == ErasureOutcome.Erased)
            {
                erased++;
                LogErased(requestId);
            }
        }

        if (erased > 0)
        {
            await TruncateWriteAheadLogAsync(cancellationToken);
        }

        return erased;
    }

    /// <summary>Redacts every ticket closed longer than the retention period ago; returns how many.</summary>
    public async Task<int> RunContentRetentionAsync(CancellationToken cancellationToken)
    {
        var closedBefore = clock.GetUtcNow().AddYears(-options.Value.ClosedTicketContentYears);
        var redacted = 0;
        int batch;
        do
        {
            batch = await SendAsync(new RedactClosedTicketContentCommand(closedBefore, BatchSize), 0, cancellationToken);
            redacted += batch;
        }
        while (batch == BatchSize);

        if (redacted > 0)
        {
            LogRedacted(redacted, options.Value.ClosedTicketContentYears);
            await TruncateWriteAheadLogAsync(cancellationToken);
        }

        return redacted;
    }

    /// <summary>A command that lost a race to another change answers <paramref name="raced"/>; the next pass retries it.</summary>
    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> command, TResponse raced, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
        }
        catch (TahseenException exception) when (exception.Reason == ErrorReason.ConcurrentUpdate)
        {
            LogRaced(command.GetType().Name);
            return raced;
        }
    }

    private async Task TruncateWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure request {RequestId} carried out: the account's personal data is destroyed")]
    private partial void LogErased(Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redacted the content of {Count} tickets closed more than {Years} years ago")]
    private partial void LogRedacted(int count, int years);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} raced another change; the next pass tries again")]
    private partial void LogRaced(string command);
}
