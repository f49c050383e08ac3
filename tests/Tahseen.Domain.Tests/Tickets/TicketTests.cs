using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;
using static Tahseen.Domain.Tests.Tickets.TicketScenario;

namespace Tahseen.Domain.Tests.Tickets;

public class TicketTests
{
    private readonly TicketScenario _scenario = new();

    [Fact]
    public void A_submitted_ticket_keeps_what_was_asked_and_records_the_submission()
    {
        var ticket = _scenario.Submit();

        ticket.Should().BeEquivalentTo(new
        {
            ReferenceNumber = "TH-2026-000123",
            Type = TicketType.Complaint,
            CategoryId = CategoryId,
            Status = TicketStatus.Submitted,
            SubmitterAccountId = Citizen,
            CreateTime = _scenario.Now,
            UpdateTime = _scenario.Now,
            Version = 1L,
        });
        ticket.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = TicketAction.Submitted,
            ActorAccountId = (Guid?)Citizen,
            ActorRole = ActorRole.Citizen,
            FromStatus = (TicketStatus?)null,
            ToStatus = TicketStatus.Submitted,
        });
    }

    [Fact]
    public void A_submission_without_a_subject_is_refused_on_that_field()
    {
        var act = () => Ticket.Submit(
            Citizen, TicketType.Inquiry, CategoryId, " ", "Description",
            ReferenceNumber.Create(2026, 1), _scenario.Now.AddDays(3), _scenario.Now);

        act.Should().Throw<TahseenException>().Which.Violations.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Field = "subject", Reason = ErrorReason.FieldRequired });
    }

    [Fact]
    public void Times_that_are_not_utc_are_refused()
    {
        var ticket = _scenario.Submit();

        var act = () => ticket.Reply(Staff, ActorRole.Staff, "Hello", _scenario.Now.ToOffset(TimeSpan.FromHours(3)));

        act.Should().Throw<ArgumentException>();
        ticket.Status.Should().Be(TicketStatus.Submitted);
    }

    [Fact]
    public void History_names_the_actor_and_the_status_before_and_after_every_step()
    {
        var ticket = _scenario.Submit();
        _scenario.Later();
        ticket.Assign(Staff, "Staff Member", Admin, ActorRole.Admin, _scenario.Now);
        ticket.RequestInformation(Staff, ActorRole.Staff, "Which city?", _scenario.Now, TicketScenario.Pauses);
        ticket.AddCitizenMessage(Citizen, "Riyadh.", _scenario.Now, Ticket.DefaultReopenWindow, TicketScenario.Pauses);
        ticket.Resolve(Staff, ActorRole.Staff, "Replacement booked.", TicketOutcome.Upheld, _scenario.Now);
        ticket.Rate(Citizen, 4, null, _scenario.Now);

        ticket.History.OrderBy(entry => entry.Sequence)
            .Select(entry => (entry.Action, entry.ActorAccountId, entry.ActorRole, entry.FromStatus, entry.ToStatus))
            .Should().Equal(
                (TicketAction.Submitted, Citizen, ActorRole.Citizen, null, TicketStatus.Submitted),
                (TicketAction.Assigned, Admin, ActorRole.Admin, TicketStatus.Submitted, TicketStatus.InProgress),
                (TicketAction.InformationRequested, Staff, ActorRole.Staff, TicketStatus.InProgress, TicketStatus.WaitingForCitizen),
                (TicketAction.Paused, Staff, ActorRole.Staff, TicketStatus.WaitingForCitizen, TicketStatus.WaitingForCitizen),
                (TicketAction.Resumed, Citizen, ActorRole.Citizen, TicketStatus.WaitingForCitizen, TicketStatus.WaitingForCitizen),
                (TicketAction.CitizenReplied, Citizen, ActorRole.Citizen, TicketStatus.WaitingForCitizen, TicketStatus.InProgress),
                (TicketAction.Resolved, Staff, ActorRole.Staff, TicketStatus.InProgress, TicketStatus.Resolved),
                (TicketAction.Rated, Citizen, ActorRole.Citizen, TicketStatus.Resolved, TicketStatus.Closed));
    }

    [Fact]
    public void An_admin_may_assign_the_ticket_to_someone_else_and_the_history_names_the_assignee()
    {
        var ticket = _scenario.Submit();

        ticket.Assign(Staff, "Staff Member", Admin, ActorRole.Admin, _scenario.Now);

        ticket.AssigneeAccountId.Should().Be(Staff);
        ticket.AssigneeDisplayName.Should().Be("Staff Member");
        ticket.History.Last().Should().BeEquivalentTo(new { ActorAccountId = (Guid?)Admin, Detail = Staff.ToString() });
    }

    [Fact]
    public void Internal_notes_never_appear_in_the_public_thread()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);

        ticket.AddInternalNote(Staff, "Staff Member", ActorRole.Staff, "Submitter called twice.", _scenario.Now);
        ticket.Reply(Staff, ActorRole.Staff, "We are on it.", _scenario.Now);

        ticket.InternalNotes.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            AuthorAccountId = Staff,
            AuthorDisplayName = "Staff Member",
            Body = "Submitter called twice.",
        });
        ticket.Messages.Select(m => m.Body).Should().Equal("We are on it.");
        ticket.History.Last(h => h.Action == TicketAction.NoteAdded).Detail.Should().BeNull();
    }

    [Fact]
    public void The_public_thread_holds_questions_answers_and_the_submitters_messages_in_order()
    {
        var ticket = _scenario.Submit();

        ticket.RequestInformation(Staff, ActorRole.Staff, "Which city?", _scenario.Now, TicketScenario.Pauses);
        ticket.AddCitizenMessage(Citizen, "Riyadh.", _scenario.Now, Ticket.DefaultReopenWindow, TicketScenario.Pauses);
        ticket.Resolve(Admin, ActorRole.Admin, "Replacement booked.", TicketOutcome.Upheld, _scenario.Now);

        ticket.Messages.OrderBy(m => m.Sequence)
            .Select(m => (m.AuthorAccountId, m.AuthorRole, m.Body))
            .Should().Equal(
                (Staff, ActorRole.Staff, "Which city?"),
                (Citizen, ActorRole.Citizen, "Riyadh."),
                (Admin, ActorRole.Admin, "Replacement booked."));
    }

    [Fact]
    public void First_response_time_is_the_first_public_word_from_staff_not_the_assignment()
    {
        var ticket = _scenario.Submit();
        _scenario.Later();
        ticket.Assign(Staff, "Staff Member", Staff, ActorRole.Staff, _scenario.Now);
        ticket.FirstResponseTime.Should().BeNull();

        _scenario.Later();
        var firstReply = _scenario.Now;
        ticket.Reply(Staff, ActorRole.Staff, "We are on it.", firstReply);
        _scenario.Later();
        ticket.Resolve(Staff, ActorRole.Staff, "Done.", TicketOutcome.Upheld, _scenario.Now);

        ticket.FirstResponseTime.Should().Be(firstReply);
    }

    [Fact]
    public void A_rejection_counts_as_the_first_response()
    {
        var ticket = _scenario.Submit();
        _scenario.Later();

        ticket.Reject(Staff, ActorRole.Staff, "Out of scope.", _scenario.Now);

        ticket.FirstResponseTime.Should().Be(_scenario.Now);
    }

    [Fact]
    public void Time_spent_waiting_for_the_submitter_moves_the_due_time_later_by_that_much()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);
        var dueTime = ticket.DueTime;

        ticket.RequestInformation(Staff, ActorRole.Staff, "Which city?", _scenario.Now, TicketScenario.Pauses);
        ticket.PausedSince.Should().Be(_scenario.Now);
        // Sunday morning to Tuesday: working days only, so the working time is the whole wait.
        _scenario.Later(TimeSpan.FromHours(50));
        ticket.AddCitizenMessage(Citizen, "Riyadh.", _scenario.Now, Ticket.DefaultReopenWindow, TicketScenario.Pauses);

        ticket.DueTime.Should().Be(dueTime + TimeSpan.FromHours(50));
        ticket.UnpausedDueTime.Should().Be(dueTime);
        ticket.PausedWorkingTime.Should().Be(TimeSpan.FromHours(50));
        ticket.PausedSince.Should().BeNull();
        ticket.Pauses.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Reason = PauseReason.WaitingForCitizen, PausedByAccountId = Staff, WorkingDuration = (TimeSpan?)TimeSpan.FromHours(50) });
    }

    [Fact]
    public void A_staff_reply_to_a_waiting_ticket_also_resumes_the_clock()
    {
        var ticket = _scenario.InStatus(TicketStatus.WaitingForCitizen);
        var dueTime = ticket.DueTime;
        var waitingSince = ticket.PausedSince!.Value;

        _scenario.Later(TimeSpan.FromDays(2));
        ticket.Reply(Staff, ActorRole.Staff, "Any news?", _scenario.Now, pauseClock: TicketScenario.Pauses);

        ticket.Status.Should().Be(TicketStatus.InProgress);
        ticket.DueTime.Should().Be(dueTime + (_scenario.Now - waitingSince));
    }

    [Fact]
    public void Reassigning_a_waiting_ticket_keeps_the_clock_paused()
    {
        var ticket = _scenario.InStatus(TicketStatus.WaitingForCitizen);
        var dueTime = ticket.DueTime;

        _scenario.Later(TimeSpan.FromDays(1));
        ticket.Assign(Admin, "Admin", Admin, ActorRole.Admin, _scenario.Now);

        ticket.DueTime.Should().Be(dueTime);
        ticket.PausedSince.Should().NotBeNull();
    }

    [Fact]
    public void Waiting_for_another_party_keeps_the_ticket_in_progress_and_a_note_does_not_end_the_pause_but_a_reply_does()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);
        var dueTime = ticket.DueTime;

        ticket.AwaitExternalParty(
            Staff, ActorRole.Staff, PauseReason.AwaitingDocuments, "Municipality", "We asked the municipality.", _scenario.Now, TicketScenario.Pauses);
        ticket.Status.Should().Be(TicketStatus.InProgress);
        ticket.IsOverdue(dueTime.AddDays(1)).Should().BeFalse("a paused ticket is never overdue");
        _scenario.Later(TimeSpan.FromHours(3));
        ticket.AddInternalNote(Staff, "Staff Member", ActorRole.Staff, "Chased them by phone.", _scenario.Now);
        ticket.IsPaused.Should().BeTrue();

        ticket.Reply(Staff, ActorRole.Staff, "The municipality answered.", _scenario.Now, pauseClock: TicketScenario.Pauses);

        ticket.IsPaused.Should().BeFalse();
        ticket.DueTime.Should().Be(dueTime + TimeSpan.FromHours(3));
        ticket.Pauses.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Reason = PauseReason.AwaitingDocuments, Party = "Municipality", WorkingDuration = (TimeSpan?)TimeSpan.FromHours(3) });
    }

    [Fact]
    public void A_fourth_pause_is_refused_and_changes_nothing_and_a_question_beyond_the_limit_leaves_the_clock_running()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);
        for (var pause = 0; pause < 3; pause++)
        {
            ticket.AwaitExternalParty(
                Staff, ActorRole.Staff, PauseReason.AwaitingOtherAgency, "Passports", "We asked the Passports Directorate.", _scenario.Now, TicketScenario.Pauses);
            _scenario.Later();
        }

        var version = ticket.Version;
        var act = () => ticket.AwaitExternalParty(
            Staff, ActorRole.Staff, PauseReason.AwaitingFieldVisit, "Field team", "A visit is planned.", _scenario.Now, TicketScenario.Pauses);

        act.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.PauseLimitReached);
        ticket.Version.Should().Be(version);
        ticket.PauseCount.Should().Be(3);

        ticket.RequestInformation(Staff, ActorRole.Staff, "Which office?", _scenario.Now, TicketScenario.Pauses);
        ticket.Status.Should().Be(TicketStatus.WaitingForCitizen);
        ticket.IsPaused.Should().BeFalse();
        ticket.PauseCount.Should().Be(3);
        ticket.IsOverdue(ticket.DueTime.AddMinutes(1)).Should().BeTrue("the clock runs while this question waits");
    }

    [Fact]
    public void A_ticket_past_its_due_time_is_overdue_while_the_service_owes_an_answer()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);

        ticket.IsOverdue(ticket.DueTime).Should().BeFalse();
        ticket.IsOverdue(ticket.DueTime.AddTicks(1)).Should().BeTrue();
    }

    [Theory]
    [InlineData(TicketStatus.WaitingForCitizen)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Rejected)]
    [InlineData(TicketStatus.Withdrawn)]
    public void A_ticket_that_does_not_wait_on_the_service_is_never_overdue(TicketStatus status)
    {
        var ticket = _scenario.InStatus(status);

        ticket.IsOverdue(ticket.DueTime.AddDays(30)).Should().BeFalse();
    }

    [Fact]
    public void The_submitter_can_reopen_a_resolved_ticket_within_seven_days_by_replying()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);
        _scenario.Clock.SetUtcNow(ticket.ResolveTime!.Value + Ticket.DefaultReopenWindow - TimeSpan.FromSeconds(1));

        ticket.AddCitizenMessage(Citizen, "The appointment was cancelled.", _scenario.Now, Ticket.DefaultReopenWindow);

        ticket.Status.Should().Be(TicketStatus.InProgress);
        ticket.ResolveTime.Should().BeNull();
        ticket.History.Last().Should().BeEquivalentTo(new
        {
            Action = TicketAction.Reopened,
            FromStatus = (TicketStatus?)TicketStatus.Resolved,
            ToStatus = TicketStatus.InProgress,
        });
    }

    [Fact]
    public void A_resolved_ticket_cannot_be_reopened_once_seven_days_have_passed()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);
        _scenario.Clock.SetUtcNow(ticket.ResolveTime!.Value + Ticket.DefaultReopenWindow);

        var act = () => ticket.AddCitizenMessage(Citizen, "Still waiting.", _scenario.Now, Ticket.DefaultReopenWindow);

        act.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.InvalidTicketTransition);
        ticket.Status.Should().Be(TicketStatus.Resolved);
        ticket.Messages.Should().HaveCount(1);
    }

    [Fact]
    public void A_resolved_ticket_closes_by_itself_seven_days_after_the_resolution()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);
        _scenario.Clock.SetUtcNow(ticket.ResolveTime!.Value + Ticket.DefaultAutoCloseDelay);

        ticket.AutoClose(_scenario.Now, Ticket.DefaultAutoCloseDelay).Should().BeTrue();

        ticket.Status.Should().Be(TicketStatus.Closed);
        ticket.CloseTime.Should().Be(_scenario.Now);
        ticket.History.Last().Should().BeEquivalentTo(new
        {
            Action = TicketAction.AutoClosed,
            ActorAccountId = (Guid?)null,
            ActorRole = ActorRole.System,
        });
    }

    [Fact]
    public void A_resolved_ticket_is_not_closed_by_itself_before_seven_days()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);
        var version = ticket.Version;
        _scenario.Clock.SetUtcNow(ticket.ResolveTime!.Value + Ticket.DefaultAutoCloseDelay - TimeSpan.FromSeconds(1));

        ticket.AutoClose(_scenario.Now, Ticket.DefaultAutoCloseDelay).Should().BeFalse();

        ticket.Status.Should().Be(TicketStatus.Resolved);
        ticket.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void A_rating_from_one_to_five_is_kept_and_closes_the_ticket(int score)
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);

        ticket.Rate(Citizen, score, "Quick answer.", _scenario.Now);

        ticket.Rating.Should().BeEquivalentTo(new { Score = score, Comment = "Quick answer.", CreateTime = _scenario.Now });
        ticket.Status.Should().Be(TicketStatus.Closed);
        ticket.CloseTime.Should().Be(_scenario.Now);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_rating_outside_one_to_five_is_refused_on_the_score_field(int score)
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);

        var act = () => ticket.Rate(Citizen, score, null, _scenario.Now);

        var violation = act.Should().Throw<TahseenException>().Which.Violations.Should().ContainSingle().Subject;
        violation.Field.Should().Be("score");
        violation.Reason.Should().Be(ErrorReason.ValueOutOfRange);
        violation.Arguments.Should().Equal(1, 5);
        ticket.Status.Should().Be(TicketStatus.Resolved);
        ticket.Rating.Should().BeNull();
    }

    [Fact]
    public void A_ticket_can_be_rated_only_once()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);
        ticket.Rate(Citizen, 5, null, _scenario.Now);

        var act = () => ticket.Rate(Citizen, 1, "Changed my mind.", _scenario.Now);

        act.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.InvalidTicketTransition);
        ticket.Rating!.Score.Should().Be(5);
    }

    [Fact]
    public void Someone_other_than_the_submitter_cannot_act_as_the_submitter()
    {
        var ticket = _scenario.InStatus(TicketStatus.Resolved);

        new Action[]
        {
            () => ticket.Rate(OtherCitizen, 5, null, _scenario.Now),
            () => ticket.AddCitizenMessage(OtherCitizen, "Hello", _scenario.Now, Ticket.DefaultReopenWindow),
            () => ticket.Withdraw(OtherCitizen, null, _scenario.Now),
        }.Should().AllSatisfy(act =>
            act.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.TicketNotFound));
        ticket.Status.Should().Be(TicketStatus.Resolved);
    }

    [Fact]
    public void Staff_actions_are_refused_to_a_citizen_role()
    {
        var ticket = _scenario.Submit();

        var act = () => ticket.Reply(Citizen, ActorRole.Citizen, "I answer myself.", _scenario.Now);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var ticket = _scenario.Submit();

        var act = () => ticket.Reject(Staff, ActorRole.Staff, "  ", _scenario.Now);

        act.Should().Throw<TahseenException>().Which.Violations.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Field = "reason", Reason = ErrorReason.FieldRequired });
        ticket.Status.Should().Be(TicketStatus.Submitted);
    }

    [Fact]
    public void The_rejection_reason_reaches_the_submitter_in_the_thread_and_stays_in_the_history()
    {
        var ticket = _scenario.Submit();

        ticket.Reject(Staff, ActorRole.Staff, "Duplicate of TH-2026-000122.", _scenario.Now);

        ticket.Messages.Should().ContainSingle().Which.Body.Should().Be("Duplicate of TH-2026-000122.");
        ticket.History.Last().Detail.Should().Be("Duplicate of TH-2026-000122.");
        ticket.CloseTime.Should().Be(_scenario.Now);
    }

    [Fact]
    public void A_withdrawal_keeps_its_reason_in_the_history_only()
    {
        var ticket = _scenario.Submit();

        ticket.Withdraw(Citizen, "Found my card.", _scenario.Now);

        ticket.History.Last().Should().BeEquivalentTo(new { Action = TicketAction.Withdrawn, Detail = "Found my card." });
        ticket.Messages.Should().BeEmpty();
    }

    [Fact]
    public void An_empty_message_is_refused_on_the_body_field()
    {
        var ticket = _scenario.InStatus(TicketStatus.InProgress);

        var act = () => ticket.AddCitizenMessage(Citizen, "", _scenario.Now, Ticket.DefaultReopenWindow);

        act.Should().Throw<TahseenException>().Which.Violations.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Field = "body", Reason = ErrorReason.FieldRequired });
    }
}
