using System.Security.Cryptography;
using System.Text;

namespace Tahseen.Domain.Common;

/// <summary>Comparing stored keyed hashes of secrets (codes, answers) in constant time.</summary>
public static class KeyedHashes
{
    public static bool Equal(string stored, string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(candidate));
}
