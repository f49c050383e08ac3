namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Told, after the command has committed, that what decides an account's access changed: a session ended,
/// the account was disabled or its password changed, a service credential was rotated or disabled, roles
/// changed. The next authenticated call of that account in this process reads the database again.
/// </summary>
public interface IAccessChanges
{
    void AccountChanged(Guid accountId);
}
