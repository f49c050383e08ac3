using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

/// <summary>
/// The password checks of one request, each done once: a check made before the command's transaction
/// (<see cref="LoginPreparation"/>) is answered again, for the same stored hash and the same password,
/// inside it without hashing again. A different stored hash (the password changed in between) is
/// checked afresh, so the answer is always about the hash the transaction read.
/// </summary>
public sealed class PasswordChecks(IPasswordHasher passwords)
{
    private readonly Dictionary<(string Hash, string Password), PasswordCheck> _checked = [];
    private string? _dummyChecked;

    public PasswordCheck Verify(string hash, string password)
    {
        if (!_checked.TryGetValue((hash, password), out var check))
        {
            check = passwords.Verify(hash, password);
            _checked[(hash, password)] = check;
        }

        return check;
    }

    /// <summary>As <see cref="IPasswordHasher.VerifyAgainstDummy"/>, once per password.</summary>
    public void VerifyAgainstDummy(string password)
    {
        if (!string.Equals(_dummyChecked, password, StringComparison.Ordinal))
        {
            passwords.VerifyAgainstDummy(password);
            _dummyChecked = password;
        }
    }
}
