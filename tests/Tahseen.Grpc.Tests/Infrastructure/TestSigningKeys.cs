using System.Security.Cryptography;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>RSA token signing keys for hosts started with configured keys (Production-like settings).</summary>
public static class TestSigningKeys
{
    private static readonly Lazy<string> Shared = new(NewPem);

    /// <summary>One key for the whole run: making a 2048-bit key costs tens of milliseconds.</summary>
    public static string Pem => Shared.Value;

    public static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
