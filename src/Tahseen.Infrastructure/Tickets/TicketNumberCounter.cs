namespace Tahseen.Infrastructure.Tickets;

/// <summary>The last reference number handed out in a year. Only <see cref="TicketNumberSequence"/> touches it.</summary>
internal sealed class TicketNumberCounter
{
    public const string Table = "ticket_number_counters";

    public int Year { get; set; }

    public long LastValue { get; set; }
}
