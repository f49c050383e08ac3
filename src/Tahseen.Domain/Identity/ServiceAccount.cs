namespace Tahseen.Domain.Identity;

/// <summary>
/// The identity of an internal government system: no person, no password, no mobile. It proves itself
/// with a client id and a secret (kept only as a keyed hash) and gets short-lived tokens carrying the
/// scopes an admin granted it. The current credential has an id that every token carries as its session:
/// rotating the secret or disabling the account gives it a new one, so every token issued before stops
/// at its next use.
/// </summary>
public sealed class ServiceAccount
{
    public const int MaxNameLength = 100;
    public const int MaxClientIdLength = 40;

    private ServiceAccount()
    {
        ClientId = string.Empty;
        Name = string.Empty;
        SecretHash = string.Empty;
        Scopes = [];
    }

    private ServiceAccount(string clientId, string name, IReadOnlyList<string> scopes, string secretHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ClientId = clientId;
        Name = name;
        Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        SecretHash = secretHash;
        CredentialId = Guid.CreateVersion7(now);
        Status = AccountStatus.Active;
        CreateTime = now;
        UpdateTime = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The public half of the credential; unique.</summary>
    public string ClientId { get; private set; }

    /// <summary>What the system is, for the admins who read the audit log.</summary>
    public string Name { get; private set; }

    public List<string> Scopes { get; private set; }

    public string SecretHash { get; private set; }

    /// <summary>The session every token of the current secret names; a new secret or a disabled account changes it.</summary>
    public Guid CredentialId { get; private set; }

    public AccountStatus Status { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public static ServiceAccount Create(string clientId, string name, IReadOnlyList<string> scopes, string secretHash, DateTimeOffset now) =>
        new(clientId, name, scopes, secretHash, now);

    /// <summary>A new secret; the old one and every token issued under it stop working at once.</summary>
    public void RotateSecret(string secretHash, DateTimeOffset now)
    {
        SecretHash = secretHash;
        CredentialId = Guid.CreateVersion7(now);
        UpdateTime = now;
    }

    /// <summary>Disabling ends every token at once; activating again needs no new secret but issues no old token back to life.</summary>
    public void SetStatus(AccountStatus status, DateTimeOffset now)
    {
        if (Status == status)
        {
            return;
        }

        Status = status;
        CredentialId = Guid.CreateVersion7(now);
        UpdateTime = now;
    }
}
