using System.Security.Cryptography;
using System.Text;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Security;

/// <summary>HMAC-SHA256 under the server's hash key, as lower-case hex.</summary>
public sealed class HmacKeyedHasher(KeyRing keys) : IKeyedHasher
{
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.HashKey, Encoding.UTF8.GetBytes(value)));
}
