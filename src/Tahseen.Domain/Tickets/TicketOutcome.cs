namespace Tahseen.Domain.Tickets;

/// <summary>
/// How staff settled a ticket. Each type has its own outcomes, listed once in <see cref="TicketLifecycle"/>:
/// a complaint is upheld or not, an inquiry is answered, a suggestion is adopted, studied or declined.
/// </summary>
public enum TicketOutcome
{
    Upheld = 1,
    PartiallyUpheld = 2,
    NotUpheld = 3,
    Adopted = 4,
    UnderStudy = 5,
    Declined = 6,
    Answered = 7,
}
