using Tahseen.Domain.Common;
using Tahseen.Domain.Privacy;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// A complaint, suggestion or inquiry and everything that happened to it. Every behaviour asks its
/// type's <see cref="TicketLifecycle"/> whether it may happen, then leaves a history entry. Times are
/// UTC instants passed in by the caller, who reads them from a <see cref="TimeProvider"/>.
/// </summary>
public sealed class Ticket : IHasDomainEvents
{
    public static readonly TimeSpan DefaultReopenWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultAutoCloseDelay = TimeSpan.FromDays(7);

    /// <summary>How far ahead a suggestion under study may be given its follow-up date, in days.</summary>
    public const int MaxFollowUpDays = 365;

    private readonly List<TicketMessage> _messages = [];
    private readonly List<InternalNote> _internalNotes = [];
    private readonly List<TicketHistoryEntry> _history = [];
    private readonly List<TicketPause> _pauses = [];
    private readonly List<DomainEvent> _events = [];

    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    public string ReferenceNumber { get; private set; } = string.Empty;

    public TicketType Type { get; private set; }

    public Guid CategoryId { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public TicketStatus Status { get; private set; }

    public Guid SubmitterAccountId { get; private set; }

    public Guid? AssigneeAccountId { get; private set; }

    public string? AssigneeDisplayName { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>When the answer is due. Moves later by the working time of each pause of the ledger (<see cref="Pauses"/>).</summary>
    public DateTimeOffset DueTime { get; private set; }

    /// <summary>
    /// The due time as it would be without the pauses: set with <see cref="DueTime"/> and never moved by a
    /// pause, so that statistics measure gross compliance (against it) beside net compliance (against
    /// <see cref="DueTime"/>) without replaying the ledger.
    /// </summary>
    public DateTimeOffset UnpausedDueTime { get; private set; }

    /// <summary>The first public word from staff: a reply, a question, a resolution or a rejection.</summary>
    public DateTimeOffset? FirstResponseTime { get; private set; }

    /// <summary>When the ticket was last resolved; cleared when the submitter reopens it.</summary>
    public DateTimeOffset? ResolveTime { get; private set; }

    /// <summary>When the ticket reached a final status: closed, withdrawn or rejected.</summary>
    public DateTimeOffset? CloseTime { get; private set; }

    /// <summary>When the open pause of the ledger began: the due-time clock is stopped since then; null while it runs.</summary>
    public DateTimeOffset? PausedSince { get; private set; }

    /// <summary>How many times the clock was stopped, the open pause included.</summary>
    public int PauseCount { get; private set; }

    /// <summary>The working time the ended pauses counted in all (what moved <see cref="DueTime"/>), the open pause left out.</summary>
    public TimeSpan PausedWorkingTime { get; private set; }

    /// <summary>Whether the clock is stopped.</summary>
    public bool IsPaused => PausedSince is not null;

    public TicketRating? Rating { get; private set; }

    /// <summary>How staff settled the ticket; set by a resolution, cleared when the ticket is worked again.</summary>
    public TicketOutcome? Outcome { get; private set; }

    /// <summary>Why the ticket is final; set by every move to a final status.</summary>
    public ClosureReason? ClosureReason { get; private set; }

    /// <summary>
    /// A suggestion under study: the Riyadh calendar day on which it goes back to the desk. It is not
    /// closed automatically while it waits for that day.
    /// </summary>
    public DateOnly? FollowUpDate { get; private set; }

    /// <summary>The ticket this one was merged into (closure reason <see cref="ClosureReason.MergedDuplicate"/>).</summary>
    public Guid? MergedIntoTicketId { get; private set; }

    /// <summary>The due time a SlaAtRisk event was raised for; a later due time may raise it again.</summary>
    public DateTimeOffset? SlaAtRiskFor { get; private set; }

    /// <summary>The due time a SlaBreached event was raised for.</summary>
    public DateTimeOffset? SlaBreachedFor { get; private set; }

    /// <summary>Whether the ticket was ever escalated (its due time passed while open).</summary>
    public bool Escalated { get; private set; }

    /// <summary>When it was last escalated.</summary>
    public DateTimeOffset? EscalateTime { get; private set; }

    /// <summary>Why the submitter appealed; null while the ticket was never appealed.</summary>
    public string? AppealReason { get; private set; }

    /// <summary>When the appeal was lodged; set once, which is what makes a ticket appealable only once.</summary>
    public DateTimeOffset? AppealLodgeTime { get; private set; }

    /// <summary>When a supervisor's decision on the appeal is due.</summary>
    public DateTimeOffset? AppealDueTime { get; private set; }

    public AppealDecision? AppealDecision { get; private set; }

    public DateTimeOffset? AppealDecideTime { get; private set; }

    /// <summary>The supervisor who decided the appeal.</summary>
    public Guid? AppealDecidedByAccountId { get; private set; }

    /// <summary>The appeal, once lodged.</summary>
    public TicketAppeal? Appeal => AppealLodgeTime is { } lodged
        ? new TicketAppeal(AppealReason ?? string.Empty, lodged, AppealDueTime ?? lodged, AppealDecision, AppealDecideTime)
        : null;

    /// <summary>
    /// Filed by a requester under REVIEW_BEFORE_QUEUE: not auto-assigned, and no staff move applies
    /// until a supervisor releases it (<see cref="ReleaseFromReview"/>).
    /// </summary>
    public bool HeldForReview { get; private set; }

    /// <summary>When the ticket's personal content was redacted (an erasure, the retention schedule); null while it is whole.</summary>
    public DateTimeOffset? ContentRedactTime { get; private set; }

    /// <summary>Incremented by every change; an optimistic concurrency token for the store.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<TicketMessage> Messages => _messages.AsReadOnly();

    public IReadOnlyCollection<InternalNote> InternalNotes => _internalNotes.AsReadOnly();

    public IReadOnlyCollection<TicketHistoryEntry> History => _history.AsReadOnly();

    /// <summary>The stop-the-clock ledger: every pause, oldest first by <see cref="TicketPause.Sequence"/>.</summary>
    public IReadOnlyCollection<TicketPause> Pauses => _pauses.AsReadOnly();

    public IReadOnlyCollection<DomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    /// <param name="dueTime">From <see cref="DueTimePolicy.DueTime"/>: the calendar is configuration, not ticket state.</param>
    public static Ticket Submit(
        Guid submitterId,
        TicketType type,
        Guid categoryId,
        string subject,
        string description,
        ReferenceNumber referenceNumber,
        DateTimeOffset dueTime,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referenceNumber);
        RequireAccount(submitterId, nameof(submitterId));
        RequireUtc(dueTime, nameof(dueTime));
        RequireUtc(now, nameof(now));
        if (!Enum.IsDefined(type))
        {
            throw TahseenException.ForField("type", ErrorReason.FieldInvalid);
        }

        RequireField(categoryId, "category_id");
        RequireText(subject, "subject");
        RequireText(description, "description");

        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(now),
            ReferenceNumber = referenceNumber.Value,
            Type = type,
            CategoryId = categoryId,
            Subject = subject,
            Description = description,
            Status = TicketStatus.Submitted,
            SubmitterAccountId = submitterId,
            CreateTime = now,
            UpdateTime = now,
            DueTime = dueTime,
            UnpausedDueTime = dueTime,
            Version = 1,
        };
        ticket._history.Add(new TicketHistoryEntry(
            ticket.Version, TicketAction.Submitted, submitterId, ActorRole.Citizen, null, TicketStatus.Submitted, now, null));
        ticket._events.Add(new TicketSubmitted(ticket.Id, ticket.Version, TicketAction.Submitted, now));
        return ticket;
    }

    /// <summary>Holds a just-filed ticket for a supervisor's review (its submitter is under REVIEW_BEFORE_QUEUE).</summary>
    public void HoldForReview(DateTimeOffset now)
    {
        if (Status != TicketStatus.Submitted || HeldForReview || AssigneeAccountId is not null)
        {
            throw new TahseenException(ErrorReason.InvalidTicketTransition);
        }

        Record(TicketAction.HeldForReview, null, ActorRole.System, now, null);
        HeldForReview = true;
    }

    /// <summary>A supervisor lets a held ticket into the queue. Returns false when it was not held.</summary>
    public bool ReleaseFromReview(Guid supervisorId, ActorRole role, DateTimeOffset now)
    {
        RequireStaff(role);
        if (!HeldForReview)
        {
            return false;
        }

        HeldForReview = false;
        Record(TicketAction.ReleasedFromReview, supervisorId, role, now, null);
        return true;
    }

    /// <summary>
    /// Gives the ticket to a staff member. The first assignment starts the work (SUBMITTED to
    /// IN_PROGRESS); later ones hand it over without moving it.
    /// </summary>
    public void Assign(Guid assigneeId, string assigneeDisplayName, Guid actorId, ActorRole actorRole, DateTimeOffset now)
    {
        RequireAccount(assigneeId, nameof(assigneeId));
        ArgumentException.ThrowIfNullOrWhiteSpace(assigneeDisplayName);
        RequireStaff(actorRole);

        var action = AssigneeAccountId is { } current && current != assigneeId ? TicketAction.Reassigned : TicketAction.Assigned;
        var from = Apply(TicketTrigger.Assign, action, actorId, actorRole, now, assigneeId.ToString());
        AssigneeAccountId = assigneeId;
        AssigneeDisplayName = assigneeDisplayName;
        _events.Add(new TicketAssigned(Id, Version, action, now, assigneeId));
        RaiseStatusChange(from, action, now);
    }

    /// <summary>
    /// The service gives a new ticket to the least-loaded staff member of its category. Unlike a staff
    /// member taking it, this starts no work: the ticket stays SUBMITTED (assigned, not yet worked).
    /// </summary>
    public void AutoAssign(Guid assigneeId, string assigneeDisplayName, DateTimeOffset now)
    {
        RequireAccount(assigneeId, nameof(assigneeId));
        ArgumentException.ThrowIfNullOrWhiteSpace(assigneeDisplayName);
        if (Status != TicketStatus.Submitted)
        {
            throw new TahseenException(ErrorReason.InvalidTicketTransition);
        }

        var action = AssigneeAccountId is null ? TicketAction.Assigned : TicketAction.Reassigned;
        Record(action, null, ActorRole.System, now, assigneeId.ToString());
        AssigneeAccountId = assigneeId;
        AssigneeDisplayName = assigneeDisplayName;
        _events.Add(new TicketAssigned(Id, Version, action, now, assigneeId));
    }

    /// <summary>
    /// Puts an open ticket back in the queue, unassigned (its assignee's account was disabled). The
    /// status stays; a resolved or final ticket keeps the name of whoever worked it.
    /// </summary>
    /// <returns>False when there was nothing to return.</returns>
    public bool ReturnToQueue(Guid? actorId, ActorRole actorRole, DateTimeOffset now)
    {
        if (AssigneeAccountId is null || !IsOpen)
        {
            return false;
        }

        Record(TicketAction.Reassigned, actorId, actorRole, now, null);
        AssigneeAccountId = null;
        AssigneeDisplayName = null;
        _events.Add(new TicketAssigned(Id, Version, TicketAction.Reassigned, now, null));
        return true;
    }

    /// <summary>A public answer that does not close the matter. Replying to a paused ticket resumes the clock.</summary>
    /// <param name="pauseClock">Measures the pause this reply ends; needed only while the clock is stopped.</param>
    public void Reply(Guid staffId, ActorRole role, string body, DateTimeOffset now, Guid? cannedResponseId = null, PauseClock? pauseClock = null)
    {
        RequireStaff(role);
        RequireText(body, "body");

        var from = Apply(TicketTrigger.Reply, TicketAction.Replied, staffId, role, now, pauseClock: pauseClock);
        FirstResponseTime ??= now;
        AddMessage(staffId, role, body, TicketAction.Replied, now, cannedResponseId);
        RaiseStatusChange(from, TicketAction.Replied, now);
    }

    /// <summary>
    /// Asks the submitter a question and stops the due-time clock (a WAITING_FOR_CITIZEN pause of the
    /// ledger) until the ticket moves on. Once the ticket has used its pauses (<see cref="SlaPolicy.MaxPauses"/>,
    /// <see cref="SlaPolicy.MaxPausedWorkingDays"/>) the question is still asked, but the clock runs on:
    /// the citizen's answer is awaited on the service's time.
    /// </summary>
    public void RequestInformation(Guid staffId, ActorRole role, string question, DateTimeOffset now, PauseClock pauseClock, Guid? cannedResponseId = null)
    {
        ArgumentNullException.ThrowIfNull(pauseClock);
        RequireStaff(role);
        RequireText(question, "body");

        var from = Apply(TicketTrigger.RequestInformation, TicketAction.InformationRequested, staffId, role, now, pauseClock: pauseClock);
        FirstResponseTime ??= now;
        AddMessage(staffId, role, question, TicketAction.InformationRequested, now, cannedResponseId);
        if (MayPause(pauseClock.Policy))
        {
            Record(TicketAction.Paused, staffId, role, now, PauseDetail(PauseReason.WaitingForCitizen, null));
            OpenPause(PauseReason.WaitingForCitizen, null, staffId, now);
        }

        RaiseStatusChange(from, TicketAction.InformationRequested, now);
    }

    /// <summary>
    /// The service waits for someone other than the submitter (another agency, documents, a field
    /// visit): the clock stops with a pause of the ledger, the status stays (or becomes) IN_PROGRESS,
    /// and <paramref name="body"/> tells the submitter in the public thread. The next staff or citizen
    /// action on the ticket (a reply, a message, a resolution) starts the clock again. A pause still
    /// open ends here and counts; a ticket that has used its pauses (<see cref="SlaPolicy.MaxPauses"/>,
    /// or <see cref="SlaPolicy.MaxPausedWorkingDays"/> with the open pause counted to now) is refused with
    /// PAUSE_LIMIT_REACHED and nothing changes.
    /// </summary>
    public void AwaitExternalParty(Guid staffId, ActorRole role, PauseReason reason, string party, string body, DateTimeOffset now, PauseClock pauseClock)
    {
        ArgumentNullException.ThrowIfNull(pauseClock);
        RequireStaff(role);
        RequireUtc(now, nameof(now));
        if (!Enum.IsDefined(reason) || reason == PauseReason.WaitingForCitizen)
        {
            // The submitter is waited for by asking a question (RequestInformation), which also moves the status.
            throw TahseenException.ForField("reason_code", ErrorReason.FieldInvalid);
        }

        RequireText(party, "party");
        RequireText(body, "body");

        // The move first: a ticket that may not pause is refused as such, whatever its ledger.
        _ = TicketLifecycle.For(Type).Next(Status, TicketTrigger.AwaitExternalParty);
        var policy = pauseClock.Policy;
        var usedByNow = PausedSince is { } since ? PausedWorkingTime + pauseClock.Counted(since, now, PausedWorkingTime) : PausedWorkingTime;
        if (PauseCount >= policy.MaxPauses || usedByNow >= policy.MaxPausedWorkingTime)
        {
            throw new TahseenException(ErrorReason.PauseLimitReached) { Arguments = [policy.MaxPauses, policy.MaxPausedWorkingDays] };
        }

        var from = Apply(TicketTrigger.AwaitExternalParty, TicketAction.Paused, staffId, role, now, PauseDetail(reason, party), pauseClock);
        OpenPause(reason, party, staffId, now);
        FirstResponseTime ??= now;
        AddMessage(staffId, role, body, TicketAction.Paused, now);
        RaiseStatusChange(from, TicketAction.Paused, now);
    }

    /// <summary>
    /// The submitter writes in the thread. An answer to a question resumes the work; a message on a
    /// resolved ticket reopens it, but only within <paramref name="reopenWindow"/> of the resolution.
    /// Checking that the caller is the submitter is the application's job, which answers
    /// TICKET_NOT_FOUND to anyone else; here it is only a guard.
    /// </summary>
    /// <param name="pauseClock">Measures the pause this message ends; needed only while the clock is stopped.</param>
    public void AddCitizenMessage(Guid citizenId, string body, DateTimeOffset now, TimeSpan reopenWindow, PauseClock? pauseClock = null)
    {
        RequireSubmitter(citizenId);
        RequireText(body, "body");

        // A suggestion's lifecycle keeps it resolved: the reply is only added to the thread.
        var reopens = Status == TicketStatus.Resolved
            && TicketLifecycle.For(Type).Next(Status, TicketTrigger.CitizenReply) != TicketStatus.Resolved;
        if (reopens && now >= ResolveTime + reopenWindow)
        {
            throw new TahseenException(ErrorReason.InvalidTicketTransition);
        }

        var action = reopens ? TicketAction.Reopened : TicketAction.CitizenReplied;
        var from = Apply(TicketTrigger.CitizenReply, action, citizenId, ActorRole.Citizen, now, pauseClock: pauseClock);
        AddMessage(citizenId, ActorRole.Citizen, body, action, now);
        RaiseStatusChange(from, action, now);
    }

    public void AddInternalNote(Guid staffId, string displayName, ActorRole role, string body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        RequireStaff(role);
        RequireText(body, "body");

        _ = Apply(TicketTrigger.AddInternalNote, TicketAction.NoteAdded, staffId, role, now);
        _internalNotes.Add(new InternalNote(Version, staffId, displayName, body, now));
        _events.Add(new TicketInternalNoteAdded(Id, Version, TicketAction.NoteAdded, now));
    }

    /// <summary>
    /// The answer that settles the ticket, with an outcome of its type's (<see cref="TicketLifecycle.Outcomes"/>);
    /// the submitter may then rate it or, unless it is a suggestion, reopen it. A suggestion put
    /// <see cref="TicketOutcome.UnderStudy"/> needs <paramref name="followUpDate"/>: a Riyadh calendar day
    /// after today and within <see cref="MaxFollowUpDays"/>, on which it goes back to the desk.
    /// </summary>
    /// <param name="pauseClock">Measures the pause this resolution ends; needed only while the clock is stopped.</param>
    public void Resolve(
        Guid staffId, ActorRole role, string answer, TicketOutcome? outcome, DateTimeOffset now, DateOnly? followUpDate = null, PauseClock? pauseClock = null)
    {
        RequireStaff(role);
        RequireText(answer, "body");
        RequireUtc(now, nameof(now));

        // The move itself first: a ticket that may not be resolved is refused as such, whatever the outcome.
        var lifecycle = TicketLifecycle.For(Type);
        _ = lifecycle.Next(Status, TicketTrigger.Resolve);
        if (outcome is not { } chosen)
        {
            throw new TahseenException(ErrorReason.OutcomeRequired);
        }

        if (!lifecycle.Outcomes.Contains(chosen))
        {
            throw TahseenException.ForField("outcome", ErrorReason.OutcomeTypeMismatch);
        }

        RequireFollowUpDate(chosen, followUpDate, now);

        var from = Apply(TicketTrigger.Resolve, TicketAction.Resolved, staffId, role, now, pauseClock: pauseClock);
        Outcome = chosen;
        FollowUpDate = followUpDate;
        FirstResponseTime ??= now;
        AddMessage(staffId, role, answer, TicketAction.Resolved, now);
        RaiseStatusChange(from, TicketAction.Resolved, now);
    }

    /// <summary>Refuses the ticket (out of scope, duplicate). The reason goes to the submitter too.</summary>
    /// <param name="pauseClock">Measures the pause this rejection ends; needed only while the clock is stopped.</param>
    public void Reject(Guid staffId, ActorRole role, string reason, DateTimeOffset now, PauseClock? pauseClock = null)
    {
        RequireStaff(role);
        RequireText(reason, "reason");

        var from = Apply(TicketTrigger.Reject, TicketAction.Rejected, staffId, role, now, reason, pauseClock);
        FirstResponseTime ??= now;
        AddMessage(staffId, role, reason, TicketAction.Rejected, now);
        RaiseStatusChange(from, TicketAction.Rejected, now);
    }

    /// <summary>
    /// The submitter appeals a complaint that was rejected, or resolved or closed as not upheld or
    /// partially upheld, within <paramref name="window"/> of that decision, once per ticket. The ticket
    /// becomes APPEALED with <paramref name="dueTime"/> for a supervisor's decision; the reason is added
    /// to the public thread.
    /// </summary>
    public void LodgeAppeal(Guid citizenId, string reason, TimeSpan window, DateTimeOffset dueTime, DateTimeOffset now)
    {
        RequireSubmitter(citizenId);
        RequireText(reason, "reason");
        RequireUtc(dueTime, nameof(dueTime));
        if (AppealLodgeTime is not null)
        {
            throw new TahseenException(ErrorReason.AppealAlreadyLodged);
        }

        var appealable = Type == TicketType.Complaint
            && (Status == TicketStatus.Rejected
                || (Status is TicketStatus.Resolved or TicketStatus.Closed
                    && Outcome is TicketOutcome.NotUpheld or TicketOutcome.PartiallyUpheld));
        if (!appealable)
        {
            throw new TahseenException(ErrorReason.AppealNotAllowed);
        }

        var decidedAt = Status == TicketStatus.Rejected ? CloseTime : ResolveTime;
        if (decidedAt is not { } decided || now > decided + window)
        {
            throw new TahseenException(ErrorReason.AppealWindowClosed) { Arguments = [(int)window.TotalDays] };
        }

        var from = Apply(TicketTrigger.Appeal, TicketAction.AppealLodged, citizenId, ActorRole.Citizen, now);
        AppealReason = reason;
        AppealLodgeTime = now;
        AppealDueTime = dueTime;
        DueTime = dueTime;
        UnpausedDueTime = dueTime;
        AddMessage(citizenId, ActorRole.Citizen, reason, TicketAction.AppealLodged, now);
        RaiseStatusChange(from, TicketAction.AppealLodged, now);
    }

    /// <summary>The staff member whose resolution or rejection was the last decision on the ticket.</summary>
    public Guid? SettledByAccountId =>
        _history.Where(h => h.Action is TicketAction.Resolved or TicketAction.Rejected).OrderBy(h => h.Sequence).LastOrDefault()?.ActorAccountId;

    /// <summary>
    /// A supervisor decides the appeal, never the one who resolved or rejected the ticket
    /// (APPEAL_SELF_DECISION). Upheld: IN_PROGRESS with <paramref name="dueTime"/>, given to
    /// <paramref name="assignee"/> or to the queue when none; dismissed: CLOSED with APPEAL_DISMISSED.
    /// The reason goes to the public thread.
    /// </summary>
    public void DecideAppeal(
        Guid supervisorId,
        ActorRole role,
        AppealDecision decision,
        string reason,
        DateTimeOffset now,
        DateTimeOffset dueTime,
        (Guid AccountId, string DisplayName)? assignee)
    {
        RequireStaff(role);
        RequireText(reason, "reason");
        RequireUtc(dueTime, nameof(dueTime));
        var trigger = decision switch
        {
            Tickets.AppealDecision.Uphold => TicketTrigger.UpholdAppeal,
            Tickets.AppealDecision.Dismiss => TicketTrigger.DismissAppeal,
            _ => throw TahseenException.ForField("decision", ErrorReason.FieldInvalid),
        };

        // The move first: a ticket that is not appealed is refused as such.
        _ = TicketLifecycle.For(Type).Next(Status, trigger);
        if (SettledByAccountId == supervisorId)
        {
            throw new TahseenException(ErrorReason.AppealSelfDecision);
        }

        var action = decision == Tickets.AppealDecision.Uphold ? TicketAction.AppealUpheld : TicketAction.AppealDismissed;
        var from = Apply(trigger, action, supervisorId, role, now);
        AppealDecision = decision;
        AppealDecideTime = now;
        AppealDecidedByAccountId = supervisorId;
        if (decision == Tickets.AppealDecision.Uphold)
        {
            DueTime = dueTime;
            UnpausedDueTime = dueTime;
            var assigneeId = assignee?.AccountId;
            if (assigneeId != AssigneeAccountId)
            {
                AssigneeAccountId = assigneeId;
                AssigneeDisplayName = assignee?.DisplayName;
                _events.Add(new TicketAssigned(Id, Version, TicketAction.Reassigned, now, assigneeId));
            }
        }

        AddMessage(supervisorId, role, reason, action, now);
        RaiseStatusChange(from, action, now);
    }

    /// <summary>The submitter takes the ticket back, which is possible until it is resolved.</summary>
    /// <param name="pauseClock">Measures the pause the withdrawal ends; needed only while the clock is stopped.</param>
    public void Withdraw(Guid citizenId, string? reason, DateTimeOffset now, PauseClock? pauseClock = null)
    {
        RequireSubmitter(citizenId);

        RaiseStatusChange(
            Apply(TicketTrigger.Withdraw, TicketAction.Withdrawn, citizenId, ActorRole.Citizen, now, NullIfBlank(reason), pauseClock),
            TicketAction.Withdrawn,
            now);
    }

    /// <summary>The submitter accepts the resolution by rating it, which closes the ticket.</summary>
    public void Rate(Guid citizenId, int score, string? comment, DateTimeOffset now)
    {
        RequireSubmitter(citizenId);
        if (score is < TicketRating.MinScore or > TicketRating.MaxScore)
        {
            throw TahseenException.ForField("score", ErrorReason.ValueOutOfRange, TicketRating.MinScore, TicketRating.MaxScore);
        }

        // Rating closes the ticket, so a second rating is refused by the state machine.
        RaiseStatusChange(Apply(TicketTrigger.Rate, TicketAction.Rated, citizenId, ActorRole.Citizen, now), TicketAction.Rated, now);
        Rating = new TicketRating(score, NullIfBlank(comment), now);
    }

    /// <summary>Staff close a resolved ticket without waiting for the submitter's rating.</summary>
    public void Close(Guid staffId, ActorRole role, DateTimeOffset now)
    {
        RequireStaff(role);

        RaiseStatusChange(Apply(TicketTrigger.Close, TicketAction.Closed, staffId, role, now), TicketAction.Closed, now);
    }

    /// <summary>
    /// Closes a resolved ticket nobody rated or reopened within <paramref name="closeAfter"/>.
    /// Returns false, changing nothing, while that time has not passed yet, and for a suggestion under
    /// study, which waits for its follow-up date instead.
    /// </summary>
    public bool AutoClose(DateTimeOffset now, TimeSpan closeAfter)
    {
        if (Status == TicketStatus.Resolved && (now < ResolveTime + closeAfter || FollowUpDate is not null))
        {
            return false;
        }

        RaiseStatusChange(Apply(TicketTrigger.AutoClose, TicketAction.AutoClosed, null, ActorRole.System, now), TicketAction.AutoClosed, now);
        return true;
    }

    /// <summary>
    /// The working calendar changed (an admin added, moved or removed a holiday): the due time moves so
    /// that the ticket keeps the working days it had. A closed ticket keeps its due time, which is history.
    /// Returns false, changing nothing, when the time is the same or the ticket no longer owes anything.
    /// </summary>
    /// <param name="unpausedDueTime">
    /// <see cref="UnpausedDueTime"/> moved by the same calendar change; null keeps the difference the
    /// pauses made between the two.
    /// </param>
    public bool MoveDueTime(DateTimeOffset dueTime, Guid actorId, ActorRole actorRole, DateTimeOffset now, DateTimeOffset? unpausedDueTime = null)
    {
        RequireUtc(dueTime, nameof(dueTime));
        if (dueTime == DueTime || !IsOpen)
        {
            return false;
        }

        var previous = DueTime;
        UnpausedDueTime = unpausedDueTime ?? UnpausedDueTime + (dueTime - previous);
        DueTime = dueTime;
        Record(
            TicketAction.DueTimeMoved, actorId, actorRole, now,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{previous:yyyy-MM-ddTHH:mm:ssZ} -> {dueTime:yyyy-MM-ddTHH:mm:ssZ}"));
        _events.Add(new TicketDueTimeChanged(Id, Version, TicketAction.DueTimeMoved, now, previous, dueTime));
        return true;
    }

    /// <summary>
    /// A suggestion under study whose follow-up date has come (in Riyadh) goes back to the desk:
    /// IN_PROGRESS with its assignee, who studied it, and a new due time; the outcome is cleared until
    /// it is resolved again. Returns false, changing nothing, before that day or when a resolved ticket
    /// waits for no follow-up.
    /// </summary>
    /// <param name="dueTime">From <see cref="DueTimePolicy.DueTime"/>, counted from now.</param>
    public bool ReturnForFollowUp(DateTimeOffset now, DateTimeOffset dueTime)
    {
        RequireUtc(now, nameof(now));
        RequireUtc(dueTime, nameof(dueTime));
        // Only a suggestion's lifecycle has the move, and only from RESOLVED.
        _ = TicketLifecycle.For(Type).Next(Status, TicketTrigger.FollowUpDue);
        if (FollowUpDate is null || RiyadhDate(now) < FollowUpDate)
        {
            return false;
        }

        var from = Apply(
            TicketTrigger.FollowUpDue, TicketAction.FollowUpDue, null, ActorRole.System, now,
            FollowUpDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        DueTime = dueTime;
        UnpausedDueTime = dueTime;
        RaiseStatusChange(from, TicketAction.FollowUpDue, now);
        return true;
    }

    /// <summary>
    /// Merges this ticket, a duplicate, into <paramref name="target"/>, another open ticket of the same
    /// submitter's: this one closes (closure reason MERGED_DUPLICATE, <see cref="MergedIntoTicketId"/>),
    /// and its description and public messages are copied, as the submitter's and staff's messages they
    /// were, into the target's thread marked with this ticket's reference number; the originals stay
    /// here. Both histories record it (MERGED, MERGE_RECEIVED); the target keeps its status.
    /// </summary>
    /// <param name="pauseClock">Measures the pause the merge ends on this ticket; needed only while its clock is stopped.</param>
    public void MergeInto(Ticket target, Guid staffId, ActorRole role, DateTimeOffset now, PauseClock? pauseClock = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireStaff(role);
        RequireUtc(now, nameof(now));
        if (target.Id == Id)
        {
            throw TahseenException.ForField("into_ticket_id", ErrorReason.MergeIntoSelf);
        }

        if (target.SubmitterAccountId != SubmitterAccountId)
        {
            // One citizen's thread is never shown to another.
            throw new TahseenException(ErrorReason.MergeDifferentSubmitter);
        }

        if (TicketStateMachine.IsFinal(target.Status))
        {
            throw new TahseenException(ErrorReason.MergeTargetClosed);
        }

        // Both moves are checked before either is made: a refused merge changes neither ticket.
        _ = TicketLifecycle.For(Type).Next(Status, TicketTrigger.Merge);
        _ = TicketLifecycle.For(target.Type).Next(target.Status, TicketTrigger.ReceiveMerge);

        var from = Apply(TicketTrigger.Merge, TicketAction.Merged, staffId, role, now, target.ReferenceNumber, pauseClock);
        MergedIntoTicketId = target.Id;
        _events.Add(new TicketMerged(Id, Version, TicketAction.Merged, now, target.Id));
        RaiseStatusChange(from, TicketAction.Merged, now);

        _ = target.Apply(TicketTrigger.ReceiveMerge, TicketAction.MergeReceived, staffId, role, now, ReferenceNumber);
        target.AddMergedMessage(SubmitterAccountId, ActorRole.Citizen, Description, CreateTime, ReferenceNumber, now);
        foreach (var message in _messages.OrderBy(m => m.Sequence))
        {
            target.AddMergedMessage(message.AuthorAccountId, message.AuthorRole, message.Body, message.CreateTime, ReferenceNumber, now);
        }
    }

    /// <summary>
    /// Destroys what the ticket says about a person (subject, description, the public thread, internal
    /// notes, rejection and withdrawal reasons, the rating's comment), replacing each text with
    /// <see cref="PersonalContent.Redacted"/>, and keeps what statistics and the audit need: the type,
    /// category, reference, statuses, times, score and history. The one operation behind both an
    /// account's erasure and the retention schedule. Only a ticket in a final status is redacted: an open
    /// one is still being worked. The version does not move, since nothing happened to the case itself;
    /// the store's concurrency check still refuses a redaction that raced a change. Returns false when
    /// the content was already redacted.
    /// </summary>
    public bool RedactPersonalContent(DateTimeOffset now)
    {
        RequireUtc(now, nameof(now));
        if (!TicketStateMachine.IsFinal(Status))
        {
            throw new InvalidOperationException($"Ticket {Id} is {Status}; only a closed ticket's content is redacted.");
        }

        if (ContentRedactTime is not null)
        {
            return false;
        }

        Subject = PersonalContent.Redacted;
        Description = PersonalContent.Redacted;
        foreach (var message in _messages)
        {
            message.Redact(PersonalContent.Redacted);
        }

        foreach (var note in _internalNotes)
        {
            note.Redact(PersonalContent.Redacted);
        }

        foreach (var entry in _history)
        {
            entry.Redact(PersonalContent.Redacted);
        }

        Rating?.Redact(PersonalContent.Redacted);
        if (AppealReason is not null)
        {
            AppealReason = PersonalContent.Redacted;
        }

        ContentRedactTime = now;
        return true;
    }

    /// <summary>
    /// Notes that most of the working time is used (the job decides by <see cref="SlaPolicy"/>): history
    /// and a SlaAtRisk event, once per due time. False when it was already noted for this due time or
    /// the service owes no answer.
    /// </summary>
    public bool MarkSlaAtRisk(DateTimeOffset now)
    {
        if (!IsOnTheClock || SlaAtRiskFor == DueTime || DueTime < now)
        {
            return false;
        }

        SlaAtRiskFor = DueTime;
        Record(TicketAction.SlaAtRisk, null, ActorRole.System, now, DueTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        _events.Add(new TicketSlaAtRisk(Id, Version, TicketAction.SlaAtRisk, now, DueTime));
        return true;
    }

    /// <summary>
    /// The due time passed while the service owes an answer: the ticket is escalated (history and a
    /// SlaBreached event), once per due time. A breach also counts as the at-risk notice for that due
    /// time, so a ticket first seen late raises one event, not two.
    /// </summary>
    public bool MarkSlaBreached(DateTimeOffset now)
    {
        if (!IsOverdue(now) || SlaBreachedFor == DueTime)
        {
            return false;
        }

        SlaBreachedFor = DueTime;
        SlaAtRiskFor = DueTime;
        Escalated = true;
        EscalateTime = now;
        Record(TicketAction.Escalated, null, ActorRole.System, now, DueTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        _events.Add(new TicketSlaBreached(Id, Version, TicketAction.Escalated, now, DueTime));
        return true;
    }

    /// <summary>
    /// Past its due time while its clock runs. A paused ticket is never overdue: its clock is stopped,
    /// and the due time moves later when it starts again.
    /// </summary>
    public bool IsOverdue(DateTimeOffset now) => IsOnTheClock && DueTime < now;

    /// <summary>Whether the due-time clock runs: the ticket is on it (<see cref="StatusesOnTheClock"/>) and not paused.</summary>
    public bool IsOnTheClock => StatusesOnTheClock.Contains(Status) && PausedSince is null;

    /// <summary>Still being worked: the statuses that count towards a staff member's load.</summary>
    public static IReadOnlyCollection<TicketStatus> OpenStatuses { get; } = [TicketStatus.Submitted, TicketStatus.InProgress, TicketStatus.WaitingForCitizen];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>
    /// The statuses in which the due-time clock runs unless a pause of the ledger is open. A ticket waiting
    /// for the submitter is among them: its question normally opens a pause, but beyond the pause limits
    /// it does not, and then the clock runs on while the submitter answers.
    /// </summary>
    public static IReadOnlyCollection<TicketStatus> StatusesOnTheClock { get; } =
        [TicketStatus.Submitted, TicketStatus.InProgress, TicketStatus.WaitingForCitizen, TicketStatus.Appealed];

    /// <summary>Moves the state machine and records the history entry; returns the status before the move.</summary>
    private TicketStatus Apply(
        TicketTrigger trigger, TicketAction action, Guid? actorId, ActorRole actorRole, DateTimeOffset now, string? detail = null, PauseClock? pauseClock = null)
    {
        RequireUtc(now, nameof(now));
        var from = Status;
        var to = TicketLifecycle.For(Type).Next(from, trigger);
        if (HeldForReview && trigger is not (TicketTrigger.Withdraw or TicketTrigger.CitizenReply or TicketTrigger.AddInternalNote))
        {
            // Nobody works a held ticket before a supervisor lets it into the queue.
            throw new TahseenException(ErrorReason.TicketHeldForReview);
        }

        if (PausedSince is not null && trigger is not (TicketTrigger.AddInternalNote or TicketTrigger.Assign or TicketTrigger.ReceiveMerge))
        {
            // Any staff or citizen action on the ticket itself starts the clock again; a note, a handover
            // or another ticket's merge is bookkeeping, and the service still waits.
            EndPause(
                pauseClock ?? throw new InvalidOperationException("A pause ends in working time: the caller passes the pause clock."),
                actorId, actorRole, now);
        }

        if (to != from)
        {
            switch (to)
            {
                case TicketStatus.Resolved:
                    ResolveTime = now;
                    break;
                case TicketStatus.Appealed:
                    // Under appeal the decision is no longer final.
                    CloseTime = null;
                    ClosureReason = null;
                    break;
                case TicketStatus.InProgress when from is TicketStatus.Resolved or TicketStatus.Appealed:
                    // Worked again: the settlement no longer stands until the next resolution.
                    ResolveTime = null;
                    Outcome = null;
                    FollowUpDate = null;
                    break;
                case var final when TicketStateMachine.IsFinal(final):
                    CloseTime = now;
                    ClosureReason = TicketLifecycle.ClosureReasonOf(trigger);
                    FollowUpDate = null;
                    break;
            }
        }

        Status = to;
        UpdateTime = now;
        Version++;
        _history.Add(new TicketHistoryEntry(Version, action, actorId, actorRole, from, to, now, detail));
        return from;
    }

    /// <summary>Whether the ledger allows another pause: fewer than the most pauses, and paused working time left.</summary>
    private bool MayPause(SlaPolicy policy) => PauseCount < policy.MaxPauses && PausedWorkingTime < policy.MaxPausedWorkingTime;

    private void OpenPause(PauseReason reason, string? party, Guid staffId, DateTimeOffset now)
    {
        _pauses.Add(new TicketPause(Version, reason, party, staffId, now));
        PausedSince = now;
        PauseCount++;
    }

    /// <summary>
    /// Ends the open pause: it counts its working time (weekends and holidays left out, cut to what is left
    /// of the allowance), and the due time moves later by that much working time.
    /// </summary>
    private void EndPause(PauseClock pauseClock, Guid? actorId, ActorRole actorRole, DateTimeOffset now)
    {
        var pause = _pauses.Single(p => p.IsOpen);
        var counted = pauseClock.Counted(pause.StartTime, now, PausedWorkingTime);
        pause.End(now, counted);
        PausedWorkingTime += counted;
        PausedSince = null;
        DueTime = pauseClock.Calendar.AddWorkingTime(DueTime, counted);
        Record(TicketAction.Resumed, actorId, actorRole, now, System.Xml.XmlConvert.ToString(counted));
    }

    private static string PauseDetail(PauseReason reason, string? party) =>
        party is null ? reason.ToString() : $"{reason}: {party}";

    private void AddMergedMessage(Guid authorId, ActorRole authorRole, string body, DateTimeOffset writtenAt, string fromReference, DateTimeOffset now)
    {
        _messages.Add(new TicketMessage(Version, authorId, authorRole, body, writtenAt, mergedFromReferenceNumber: fromReference));
        _events.Add(new TicketMessageAdded(Id, Version, TicketAction.MergeReceived, now, authorRole));
    }


    /// <summary>A history entry that moves nothing (the status stays), with its new version.</summary>
    private void Record(TicketAction action, Guid? actorId, ActorRole actorRole, DateTimeOffset now, string? detail)
    {
        RequireUtc(now, nameof(now));
        UpdateTime = now;
        Version++;
        _history.Add(new TicketHistoryEntry(Version, action, actorId, actorRole, Status, Status, now, detail));
    }

    private void AddMessage(
        Guid authorId, ActorRole authorRole, string body, TicketAction action, DateTimeOffset now, Guid? cannedResponseId = null)
    {
        _messages.Add(new TicketMessage(Version, authorId, authorRole, body, now, cannedResponseId));
        _events.Add(new TicketMessageAdded(Id, Version, action, now, authorRole));
    }

    /// <summary>Raised last, after what caused the move (an assignment, a message), in the order a reader follows them.</summary>
    private void RaiseStatusChange(TicketStatus from, TicketAction action, DateTimeOffset now)
    {
        if (Status != from)
        {
            _events.Add(new TicketStatusChanged(Id, Version, action, now, from, Status));
        }
    }

    private static void RequireFollowUpDate(TicketOutcome outcome, DateOnly? followUpDate, DateTimeOffset now)
    {
        const string field = "follow_up_date";
        if (outcome != TicketOutcome.UnderStudy)
        {
            if (followUpDate is not null)
            {
                // Only a suggestion under study comes back; a date anywhere else would never be acted on.
                throw TahseenException.ForField(field, ErrorReason.FieldInvalid);
            }

            return;
        }

        if (followUpDate is not { } date)
        {
            throw TahseenException.ForField(field, ErrorReason.FieldRequired);
        }

        var today = RiyadhDate(now);
        if (date <= today || date > today.AddDays(MaxFollowUpDays))
        {
            throw TahseenException.ForField(field, ErrorReason.FollowUpDateOutOfRange, MaxFollowUpDays);
        }
    }

    /// <summary>The calendar day in Riyadh at <paramref name="now"/>.</summary>
    public static DateOnly RiyadhDate(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.SaudiUtcOffset).DateTime);

    private void RequireSubmitter(Guid citizenId)
    {
        if (citizenId != SubmitterAccountId)
        {
            throw new TahseenException(ErrorReason.TicketNotFound);
        }
    }

    private static void RequireStaff(ActorRole role)
    {
        if (role is not (ActorRole.Staff or ActorRole.Admin))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Only staff and admins act for the service.");
        }
    }

    private static void RequireAccount(Guid accountId, string parameterName)
    {
        if (accountId == Guid.Empty)
        {
            throw new ArgumentException("An account id is required.", parameterName);
        }
    }

    // Npgsql stores only UTC offsets, and comparisons between stored times assume one offset.
    private static void RequireUtc(DateTimeOffset time, string parameterName)
    {
        if (time.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Times are UTC instants.", parameterName);
        }
    }

    private static void RequireField(Guid value, string field)
    {
        if (value == Guid.Empty)
        {
            throw TahseenException.ForField(field, ErrorReason.FieldRequired);
        }
    }

    private static void RequireText(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw TahseenException.ForField(field, ErrorReason.FieldRequired);
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
