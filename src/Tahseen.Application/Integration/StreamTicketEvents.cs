using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Integration;

/// <summary>
/// The change feed of every ticket, for internal systems: what the outbox retains after
/// <see cref="AfterCursor"/>, in cursor order, then live events as they commit. Each event comes once
/// per stream; a consumer that stores the last cursor it processed and resumes from it receives
/// exactly what it missed.
/// </summary>
/// <param name="AfterCursor">"" = from now; "0" = from the oldest event retained; otherwise a decimal cursor.</param>
/// <param name="EventTypes">The kinds wanted; empty = all.</param>
[RequireRoles(AccountRoles.Integration, Scope = Scopes.TicketsEvents)]
public sealed record StreamTicketEventsQuery(string? AfterCursor, IReadOnlyList<TicketEventKind> EventTypes)
    : IRequest<IAsyncEnumerable<TicketStreamEvent>>;

public sealed class StreamTicketEventsQueryValidator : AbstractValidator<StreamTicketEventsQuery>
{
    public static readonly IReadOnlySet<TicketEventKind> FeedKinds = new HashSet<TicketEventKind>
    {
        TicketEventKind.Submitted, TicketEventKind.Assigned, TicketEventKind.MessageAdded, TicketEventKind.StatusChanged,
        TicketEventKind.SlaAtRisk, TicketEventKind.SlaBreached,
        TicketEventKind.DueTimeChanged,
    };

    public StreamTicketEventsQueryValidator()
    {
        RuleFor(q => q.AfterCursor)
            .Must(cursor => string.IsNullOrEmpty(cursor) || (cursor.Length <= 19 && cursor.All(char.IsAsciiDigit) && long.TryParse(cursor, CultureInfo.InvariantCulture, out _)))
            .WithReason(ErrorReason.FieldInvalid)
            .OverridePropertyName("after_cursor");
        RuleForEach(q => q.EventTypes)
            .Must(FeedKinds.Contains)
            .WithReason(ErrorReason.FieldInvalid)
            .OverridePropertyName("event_types");
    }
}

public sealed class StreamTicketEventsQueryHandler(ITicketFeed feed)
    : IRequestHandler<StreamTicketEventsQuery, IAsyncEnumerable<TicketStreamEvent>>
{
    private const int BatchSize = 200;

    public async Task<IAsyncEnumerable<TicketStreamEvent>> Handle(StreamTicketEventsQuery request, CancellationToken cancellationToken)
    {
        var wanted = request.EventTypes.Count == 0 ? StreamTicketEventsQueryValidator.FeedKinds : request.EventTypes.ToHashSet();
        var stream = feed.OpenStream();
        try
        {
            var start = await StartAsync(request.AfterCursor, cancellationToken);
            return Stream(stream, start, wanted, cancellationToken);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private async Task<long> StartAsync(string? afterCursor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(afterCursor))
        {
            return await feed.LatestCursorAsync(cancellationToken);
        }

        var cursor = long.Parse(afterCursor, CultureInfo.InvariantCulture);
        await EnsureRetainedAfterAsync(cursor, cancellationToken);
        return cursor;
    }

    /// <summary>
    /// The purge removes only a prefix of the cursor order, so events after <paramref name="cursor"/>
    /// are gone exactly when the oldest retained one is past cursor + 1: resuming would skip them.
    /// Cursor 0 means "from the oldest retained" and never expires.
    /// </summary>
    private async Task EnsureRetainedAfterAsync(long cursor, CancellationToken cancellationToken)
    {
        if (cursor > 0 && await feed.OldestCursorAsync(cancellationToken) is { } oldest && cursor < oldest - 1)
        {
            throw new TahseenException(ErrorReason.CursorExpired);
        }
    }

    private async IAsyncEnumerable<TicketStreamEvent> Stream(
        IDisposable stream, long cursor, IReadOnlySet<TicketEventKind> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (stream)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var nextCommit = feed.NextCommit;
                IReadOnlyList<TicketStreamEvent> batch;
                try
                {
                    batch = await feed.ReadAsync(cursor, null, BatchSize, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                // A batch that does not start right after the cursor may have lost events to a purge that
                // ran after the check at start (or while this reader lagged); checked after the read,
                // the oldest retained cursor tells.
                if (batch.Count == 0 || batch[0].Cursor != cursor + 1)
                {
                    try
                    {
                        await EnsureRetainedAfterAsync(cursor, cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }
                }

                foreach (var ticketEvent in batch)
                {
                    cursor = ticketEvent.Cursor;
                    if (wanted.Contains(ticketEvent.Kind))
                    {
                        yield return ticketEvent;
                    }
                }

                if (batch.Count < BatchSize)
                {
                    try
                    {
                        await feed.WaitForEventsAsync(nextCommit, cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }
                }
            }
        }
    }
}
