namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Whether sandbox mode is on (Development): the mode in which a test harness may read back what a
/// person would see on a phone or a screen (SMS bodies, captcha answers). Refused in Production.
/// </summary>
public interface ISandbox
{
    bool Enabled { get; }
}

public sealed record SandboxIdentity(CivilRecord Record, bool Registered);

public sealed record SandboxAccount(string Username, string Password, string NationalId, string MobileNumber, IReadOnlyList<string> Roles);

public sealed record SandboxSms(string MobileNumber, string Body, DateTimeOffset CreateTime);

/// <summary>What the sandbox adapters expose to the harness: the sample registry, seeded accounts, sent SMS.</summary>
public interface ISandboxDirectory
{
    Task<IReadOnlyList<CivilRecord>> ListIdentitiesAsync(CancellationToken cancellationToken);

    IReadOnlyList<SandboxAccount> SeededAccounts { get; }

    Task<IReadOnlyList<SandboxSms>> ListSmsAsync(string? mobileNumber, int pageSize, CancellationToken cancellationToken);
}
