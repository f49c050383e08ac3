namespace Tahseen.Domain.Tickets;

public enum TicketType
{
    Complaint = 1,
    Suggestion = 2,
    Inquiry = 3,
}
