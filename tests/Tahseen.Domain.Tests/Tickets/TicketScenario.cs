using Microsoft.Extensions.Time.Testing;
using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

/// <summary>A submitter, two staff members and a clock, with shortcuts to a ticket in any status.</summary>
internal sealed class TicketScenario
{
    public static readonly Guid Citizen = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    public static readonly Guid OtherCitizen = Guid.Parse("0197a000-0000-7000-8000-000000000002");
    public static readonly Guid Staff = Guid.Parse("0197a000-0000-7000-8000-000000000003");
    public static readonly Guid Admin = Guid.Parse("0197a000-0000-7000-8000-000000000004");
    public static readonly Guid CategoryId = Guid.Parse("0197a000-0000-7000-8000-000000000005");

    // Sunday 4 January 2026, 09:00 in Riyadh.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 4, 6, 0, 0, TimeSpan.Zero));

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The appeal window (Appeals:WindowDays, 14 calendar days by default).</summary>
    public static readonly TimeSpan AppealWindow = TimeSpan.FromDays(14);

    /// <summary>Pauses measured on weekends only (no holidays) with the default limits.</summary>
    public static PauseClock Pauses { get; } = new(new WorkingCalendar([], WorkingCalendar.SaudiUtcOffset), new SlaPolicy());

    public Ticket Submit(DateTimeOffset? dueTime = null, TicketType type = TicketType.Complaint) => Ticket.Submit(
        Citizen,
        type,
        CategoryId,
        "Lost national ID card",
        "My card was lost while travelling; how do I replace it?",
        ReferenceNumber.Create(2026, 123),
        dueTime ?? Now.AddDays(7),
        Now);

    /// <summary>An outcome of the type's that settles it for good (a suggestion's first is ADOPTED, not UNDER_STUDY).</summary>
    public static TicketOutcome OutcomeFor(TicketType type) => TicketLifecycle.For(type).Outcomes[0];

    /// <param name="outcome">How a resolved ticket was resolved; UNDER_STUDY comes with a follow-up date two days on.</param>
    public Ticket InStatus(TicketStatus status, TicketType type = TicketType.Complaint, TicketOutcome? outcome = null)
    {
        var ticket = Submit(type: type);
        var resolution = outcome ?? OutcomeFor(type);
        DateOnly? followUp = resolution == TicketOutcome.UnderStudy ? Ticket.RiyadhDate(Now).AddDays(2) : null;
        Later();
        switch (status)
        {
            case TicketStatus.Submitted:
                break;
            case TicketStatus.InProgress:
                ticket.Assign(Staff, "Staff Member", Staff, ActorRole.Staff, Now);
                break;
            case TicketStatus.WaitingForCitizen:
                ticket.RequestInformation(Staff, ActorRole.Staff, "Where was the card lost?", Now, Pauses);
                break;
            case TicketStatus.Resolved:
                ticket.Resolve(Staff, ActorRole.Staff, "Book a replacement appointment on Absher.", resolution, Now, followUp);
                break;
            case TicketStatus.Closed:
                ticket.Resolve(Staff, ActorRole.Staff, "Book a replacement appointment on Absher.", resolution, Now, followUp);
                ticket.Close(Staff, ActorRole.Staff, Now);
                break;
            case TicketStatus.Withdrawn:
                ticket.Withdraw(Citizen, "Found it.", Now);
                break;
            case TicketStatus.Rejected:
                ticket.Reject(Staff, ActorRole.Staff, "Duplicate of TH-2026-000122.", Now);
                break;
            case TicketStatus.Appealed:
                ticket.Resolve(Staff, ActorRole.Staff, "Your request does not meet the rules.", TicketOutcome.NotUpheld, Now);
                Later();
                ticket.LodgeAppeal(Citizen, "The rules were misread.", AppealWindow, Now.AddDays(14), Now);
                break;
        }

        Later();
        return ticket;
    }

    /// <summary>Performs <paramref name="trigger"/> the way its rightful actor would, with valid input.</summary>
    public void Fire(Ticket ticket, TicketTrigger trigger)
    {
        switch (trigger)
        {
            case TicketTrigger.Assign:
                ticket.Assign(Admin, "Admin", Admin, ActorRole.Admin, Now);
                break;
            case TicketTrigger.Reply:
                ticket.Reply(Staff, ActorRole.Staff, "We are looking into it.", Now, pauseClock: Pauses);
                break;
            case TicketTrigger.RequestInformation:
                ticket.RequestInformation(Staff, ActorRole.Staff, "Which city?", Now, Pauses);
                break;
            case TicketTrigger.CitizenReply:
                ticket.AddCitizenMessage(Citizen, "Riyadh.", Now, Ticket.DefaultReopenWindow, Pauses);
                break;
            case TicketTrigger.AddInternalNote:
                ticket.AddInternalNote(Staff, "Staff Member", ActorRole.Staff, "Checked the register.", Now);
                break;
            case TicketTrigger.Resolve:
                ticket.Resolve(Staff, ActorRole.Staff, "Done.", OutcomeFor(ticket.Type), Now, pauseClock: Pauses);
                break;
            case TicketTrigger.Reject:
                ticket.Reject(Staff, ActorRole.Staff, "Out of scope.", Now, Pauses);
                break;
            case TicketTrigger.Withdraw:
                ticket.Withdraw(Citizen, null, Now, Pauses);
                break;
            case TicketTrigger.Rate:
                ticket.Rate(Citizen, 5, "Thank you.", Now);
                break;
            case TicketTrigger.Close:
                ticket.Close(Staff, ActorRole.Staff, Now);
                break;
            case TicketTrigger.AutoClose:
                Clock.Advance(Ticket.DefaultAutoCloseDelay);
                ticket.AutoClose(Now, Ticket.DefaultAutoCloseDelay);
                break;
            case TicketTrigger.Merge:
                ticket.MergeInto(Submit(), Staff, ActorRole.Staff, Now, Pauses);
                break;
            case TicketTrigger.ReceiveMerge:
                Submit().MergeInto(ticket, Staff, ActorRole.Staff, Now);
                break;
            case TicketTrigger.Appeal:
                ticket.LodgeAppeal(Citizen, "Please look again.", AppealWindow, Now.AddDays(14), Now);
                break;
            case TicketTrigger.UpholdAppeal:
                ticket.DecideAppeal(Admin, ActorRole.Admin, AppealDecision.Uphold, "Agreed.", Now, Now.AddDays(7), (Staff, "Staff Member"));
                break;
            case TicketTrigger.DismissAppeal:
                ticket.DecideAppeal(Admin, ActorRole.Admin, AppealDecision.Dismiss, "The decision stands.", Now, Now, null);
                break;
            case TicketTrigger.AwaitExternalParty:
                ticket.AwaitExternalParty(
                    Staff, ActorRole.Staff, PauseReason.AwaitingOtherAgency, "Passports Directorate", "We asked the Passports Directorate.", Now, Pauses);
                break;
            case TicketTrigger.FollowUpDue:
                Clock.Advance(TimeSpan.FromDays(3));
                ticket.ReturnForFollowUp(Now, Now.AddDays(14));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null);
        }
    }

    public void Later(TimeSpan? by = null) => Clock.Advance(by ?? TimeSpan.FromMinutes(5));
}
