namespace Tahseen.Application.Common.Security;

/// <summary>What an admin may grant a service account; its tokens carry the granted ones.</summary>
public static class Scopes
{
    /// <summary>Read a ticket by its reference number.</summary>
    public const string TicketsRead = "tickets.read";

    /// <summary>Follow the change feed of every ticket.</summary>
    public const string TicketsEvents = "tickets.events";

    public static IReadOnlyList<string> All { get; } = [TicketsRead, TicketsEvents];
}
