using System.Linq.Expressions;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>A ticket as anyone allowed to see it sees it: the public thread, never internal notes or history.</summary>
public sealed record TicketDto(
    Guid TicketId,
    string ReferenceNumber,
    TicketType Type,
    Guid CategoryId,
    string Subject,
    string Description,
    TicketStatus Status,
    Guid SubmitterAccountId,
    Guid? AssigneeAccountId,
    string? AssigneeDisplayName,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    DateTimeOffset DueTime,
    IReadOnlyList<TicketMessageDto> Messages,
    TicketRatingDto? Rating,
    TicketOutcome? Outcome = null,
    ClosureReason? ClosureReason = null,
    DateOnly? FollowUpDate = null,
    Guid? MergedIntoTicketId = null,
    bool HeldForReview = false,
    TicketAppealDto? Appeal = null)
{
    /// <summary>Whether the ticket was escalated (its due time passed while open).</summary>
    public bool Escalated { get; init; }

    public DateTimeOffset? EscalateTime { get; init; }

    /// <summary>When the open pause began; null while the clock runs.</summary>
    public DateTimeOffset? PausedSince { get; init; }

    /// <summary>How many times the clock was stopped, the open pause included.</summary>
    public int PauseCount { get; init; }

    /// <summary>The working time the ended pauses counted.</summary>
    public TimeSpan PausedWorkingTime { get; init; }
}

/// <summary>A complaint's appeal; the decision and its time are null until a supervisor decides.</summary>
public sealed record TicketAppealDto(string Reason, DateTimeOffset LodgeTime, DateTimeOffset DueTime, AppealDecision? Decision, DateTimeOffset? DecideTime);

public sealed record TicketMessageDto(
    Guid MessageId, ActorRole AuthorRole, string Body, DateTimeOffset CreateTime, Guid? CannedResponseId, string? MergedFromReferenceNumber);

public sealed record TicketRatingDto(int Score, string? Comment, DateTimeOffset CreateTime);

/// <summary>A ticket with what only staff may see beside it.</summary>
public sealed record StaffTicketDto(TicketDto Ticket, IReadOnlyList<InternalNoteDto> InternalNotes, IReadOnlyList<TicketHistoryEntryDto> History);

public sealed record InternalNoteDto(Guid NoteId, Guid AuthorAccountId, string AuthorDisplayName, string Body, DateTimeOffset CreateTime);

public sealed record TicketHistoryEntryDto(
    TicketAction Action,
    Guid? ActorAccountId,
    ActorRole ActorRole,
    TicketStatus? FromStatus,
    TicketStatus ToStatus,
    DateTimeOffset CreateTime);

public sealed record TicketPage(IReadOnlyList<TicketDto> Tickets, string NextPageToken);

/// <summary>
/// The one definition of the public view: an expression, so queries project it in the database, and
/// the same expression compiled for an aggregate already in memory.
/// </summary>
public static class TicketViews
{
    public static readonly Expression<Func<Ticket, TicketDto>> Public = t => new TicketDto(
        t.Id,
        t.ReferenceNumber,
        t.Type,
        t.CategoryId,
        t.Subject,
        t.Description,
        t.Status,
        t.SubmitterAccountId,
        t.AssigneeAccountId,
        t.AssigneeDisplayName,
        t.CreateTime,
        t.UpdateTime,
        t.DueTime,
        t.Messages
            .OrderBy(m => m.Sequence)
            .ThenBy(m => m.CreateTime)
            .Select(m => new TicketMessageDto(m.Id, m.AuthorRole, m.Body, m.CreateTime, m.CannedResponseId, m.MergedFromReferenceNumber))
            .ToList(),
        t.Rating == null ? null : new TicketRatingDto(t.Rating.Score, t.Rating.Comment, t.Rating.CreateTime),
        t.Outcome,
        t.ClosureReason,
        t.FollowUpDate,
        t.MergedIntoTicketId,
        t.HeldForReview,
        t.AppealLodgeTime == null
            ? null
            : new TicketAppealDto(t.AppealReason!, t.AppealLodgeTime.Value, t.AppealDueTime!.Value, t.AppealDecision, t.AppealDecideTime))
    {
        Escalated = t.Escalated,
        EscalateTime = t.EscalateTime,
        PausedSince = t.PausedSince,
        PauseCount = t.PauseCount,
        PausedWorkingTime = t.PausedWorkingTime,
    };

    /// <summary>
    /// The public view without the thread, for lists: a page of tickets reads one row each, not every
    /// message of every ticket (GetTicket answers the thread). Derived from <see cref="Public"/>, so the two
    /// never differ in anything else.
    /// </summary>
    public static readonly Expression<Func<Ticket, TicketDto>> Summary = (Expression<Func<Ticket, TicketDto>>)new ThreadLeftOut().Visit(Public);

    private static readonly Func<Ticket, TicketDto> PublicOf = Public.Compile();

    public static TicketDto ToPublic(Ticket ticket) => PublicOf(ticket);

    public static StaffTicketDto ToStaff(Ticket ticket) => new(
        ToPublic(ticket),
        ticket.InternalNotes
            .OrderBy(n => n.Sequence)
            .Select(n => new InternalNoteDto(n.Id, n.AuthorAccountId, n.AuthorDisplayName, n.Body, n.CreateTime))
            .ToList(),
        ticket.History
            .OrderBy(h => h.Sequence)
            .Select(h => new TicketHistoryEntryDto(h.Action, h.ActorAccountId, h.ActorRole, h.FromStatus, h.ToStatus, h.CreateTime))
            .ToList());

    /// <summary>Puts an empty thread in place of the messages' subquery of the view's constructor call.</summary>
    private sealed class ThreadLeftOut : ExpressionVisitor
    {
        private static readonly IReadOnlyList<TicketMessageDto> NoMessages = [];

        protected override Expression VisitNew(NewExpression node)
        {
            if (node.Type != typeof(TicketDto))
            {
                return base.VisitNew(node);
            }

            var messages = Array.FindIndex(node.Constructor!.GetParameters(), p => p.Name == nameof(TicketDto.Messages));
            var arguments = node.Arguments.Select((argument, index) => index == messages
                ? Expression.Constant(NoMessages, typeof(IReadOnlyList<TicketMessageDto>))
                : Visit(argument));
            return node.Update(arguments);
        }
    }
}
