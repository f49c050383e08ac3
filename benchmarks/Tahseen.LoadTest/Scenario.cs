namespace Tahseen.LoadTest;

/// <summary>One row of the table: its name on the command line, what it calls, and its target (issue 16, item 3).</summary>
internal sealed record Scenario(string Name, string Description, bool NeedsLargeSeed = false)
{
    public static readonly Scenario Baseline = new("baseline", "the baseline host's empty unary method, at the start");
    public static readonly Scenario BaselineEnd = new("baseline-end", "the same at the end; B, the ratios' denominator, is the mean of the two");
    public static readonly Scenario PasswordPolicy = new("password-policy", "IdentityService.GetPasswordPolicy (pipeline, no database)");
    public static readonly Scenario GetTicket = new("get-ticket-10k", "TicketService.GetTicket of an own ticket, 10k tickets in the database");
    public static readonly Scenario ListMyTickets = new("list-my-tickets", "TicketService.ListMyTickets, a page of 20");
    public static readonly Scenario StaffListTickets = new("staff-list-tickets", "StaffTicketService.ListTickets, status and type filter, a page of 20");
    public static readonly Scenario Statistics = new("statistics-10k", "StaffTicketService.GetTicketStatistics over a year, 10k tickets, one call at a time");
    public static readonly Scenario SubmitTicket = new("submit-ticket", "TicketService.SubmitTicket, a new request_id each");
    public static readonly Scenario Login = new("login", "Login + the SMS code (SandboxService) + VerifyLogin, one sign-in per row");
    public static readonly Scenario Mixed = new("mixed", "70 % reads (GetTicket, ListMyTickets), 25 % SubmitTicket, 5 % sign-ins");
    public static readonly Scenario GetTicketHalf = new("get-ticket-10k@50%", "GetTicket at a fixed rate of half get-ticket-10k's");
    public static readonly Scenario SubmitTicketHalf = new("submit-ticket@50%", "SubmitTicket at a fixed rate of half submit-ticket's");
    public static readonly Scenario GetTicketLarge = new("get-ticket-1m", "GetTicket with 1M tickets in the database (--large)", NeedsLargeSeed: true);
    public static readonly Scenario StatisticsLarge = new("statistics-1m", "GetTicketStatistics over a year of 1M tickets (--large)", NeedsLargeSeed: true);

    public static IReadOnlyList<Scenario> All { get; } =
    [
        Baseline, PasswordPolicy, GetTicket, ListMyTickets, StaffListTickets, Statistics, SubmitTicket, Login, Mixed,
        GetTicketHalf, SubmitTicketHalf, GetTicketLarge, StatisticsLarge, BaselineEnd,
    ];
}
