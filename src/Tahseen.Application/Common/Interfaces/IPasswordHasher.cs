namespace Tahseen.Application.Common.Interfaces;

public enum PasswordCheck
{
    Failed,
    Succeeded,
    SucceededRehashNeeded,
}

/// <summary>A slow, salted password hash (PBKDF2).</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>
    /// Spends the time of a real check against a fixed hash, so an unknown user answers as slowly as a
    /// wrong password.
    /// </summary>
    void VerifyAgainstDummy(string password);
}
