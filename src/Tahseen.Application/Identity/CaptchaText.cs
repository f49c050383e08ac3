using System.Security.Cryptography;

namespace Tahseen.Application.Identity;

/// <summary>The answer to a visual code: unpredictable, and free of characters people confuse.</summary>
public static class CaptchaText
{
    /// <summary>Upper case only, without look-alikes (0/O, 1/I/l, 5/S, 2/Z, 8/B), so a distorted image stays readable.</summary>
    public const string Alphabet = "ACDEFGHJKLMNPQRTUVWXY34679";

    public const int DefaultLength = 5;

    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        // The answer guards registration, so it must come from the CSPRNG, not Random.
        return new string(RandomNumberGenerator.GetItems<char>(Alphabet, length));
    }
}
