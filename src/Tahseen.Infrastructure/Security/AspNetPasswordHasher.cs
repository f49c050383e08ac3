using Microsoft.AspNetCore.Identity;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, salted, its iteration count versioned in the hash.</summary>
public sealed class AspNetPasswordHasher : Application.Common.Interfaces.IPasswordHasher
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // A real hash of a random password, so a dummy check costs what a real one does.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => Hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Succeeded,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    public void VerifyAgainstDummy(string password) => Hasher.VerifyHashedPassword(null!, DummyHash, password);
}
