using System.Runtime.CompilerServices;
using Grpc.Core;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Tickets;

/// <summary>Someone signed in, as the tests call the service for them.</summary>
public sealed record Caller(string AccountId, string MobileNumber, Metadata Headers, string RefreshToken)
{
    public CallOptions Options(CancellationToken cancellationToken = default) => new(Headers, cancellationToken: cancellationToken);
}

/// <summary>Citizens, staff and admins signed in through the sandbox, and tickets filed for them.</summary>
public sealed class TicketKit(TahseenApiFactory factory)
{
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(13);

    private static readonly ConditionalWeakTable<TahseenApiFactory, Dictionary<Role, (Caller Caller, DateTimeOffset IssueTime)>> Desks = new();

    /// <summary>"National ID card", seeded with a fixed id.</summary>
    public const string NationalIdCardCategory = "0b7f3c4e-0001-4a6e-9c1d-5a0000000001";

    public const string OtherCategory = "0b7f3c4e-0001-4a6e-9c1d-5a0000000010";

    public Harness Harness { get; } = new(factory);

    public TicketService.TicketServiceClient Tickets => Harness.Tickets;

    public StaffTicketService.StaffTicketServiceClient Staff => Harness.Staff;

    public AdminService.AdminServiceClient Admin => Harness.Admin;

    public IdentityService.IdentityServiceClient Identity => Harness.Identity;

    public async Task<Caller> CitizenAsync(PersonKind kind = PersonKind.Citizen)
    {
        var (session, account, identity) = await Harness.SignedInCitizenAsync(kind);
        return new Caller(account.AccountId, identity.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
    }

    /// <summary>
    /// A seeded staff member (ROLE_STAFF only) or the seeded admin. Each is signed in once per test class
    /// and refreshed afterwards: a mobile gets at most five codes an hour, and a refresh sends none.
    /// </summary>
    public async Task<Caller> DeskAsync(Role role = Role.Staff)
    {
        var desks = Desks.GetOrCreateValue(factory);
        var now = factory.Clock.GetUtcNow();
        if (desks.TryGetValue(role, out var desk) && now - desk.IssueTime < TimeSpan.FromMinutes(10))
        {
            return desk.Caller;
        }

        var caller = desk.Caller is not null && now - desk.IssueTime < RefreshTokenLifetime
            ? await RefreshedAsync(desk.Caller)
            : await SignInDeskAsync(role);
        desks[role] = (caller, now);
        return caller;
    }

    /// <summary>A fresh access token for someone whose last one ran out while the test moved the clock.</summary>
    public async Task<Caller> RefreshedAsync(Caller caller)
    {
        var session = await Harness.Identity.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = caller.RefreshToken });
        var refreshed = caller with { Headers = Harness.Bearer(session.AccessToken), RefreshToken = session.RefreshToken };

        // The old refresh token is spent: a cached desk session must move on to the new one.
        var desks = Desks.GetOrCreateValue(factory);
        foreach (var (role, desk) in desks.Where(d => d.Value.Caller.AccountId == caller.AccountId).ToList())
        {
            desks[role] = (refreshed, factory.Clock.GetUtcNow());
        }

        return refreshed;
    }

    private async Task<Caller> SignInDeskAsync(Role role)
    {
        var session = await Harness.SignedInAsync(role);
        var seeded = (await Harness.Sandbox.ListSandboxAccountsAsync(new ListSandboxAccountsRequest())).Accounts
            .Single(a => a.Username == session.Account.Username);
        return new Caller(session.Account.AccountId, seeded.MobileNumber, Harness.Bearer(session.AccessToken), session.RefreshToken);
    }

    public static SubmitTicketRequest NewTicket(
        TicketType type = TicketType.Complaint, string subject = "Lost national ID card", string categoryId = NationalIdCardCategory) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Type = type,
        CategoryId = categoryId,
        Subject = subject,
        Description = "My card was lost while travelling; how do I replace it?",
    };

    public async Task<Ticket> SubmitAsync(Caller citizen, SubmitTicketRequest? request = null) =>
        (await Tickets.SubmitTicketAsync(request ?? NewTicket(), citizen.Options())).Ticket;
}
