using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure.Security;

/// <summary>
/// The server's secrets: the token signing key and the keyed-hash key. Configured keys win; in
/// Development missing ones are generated once and kept in the database (see <see cref="SecurityOptions.GenerateMissingKeys"/>).
/// </summary>
public sealed class KeyRing(IOptions<SecurityOptions> options, IServiceScopeFactory scopes, TimeProvider clock) : IDataSeeder
{
    public const int MinKeyBytes = 32;
    private const string SigningKeyName = "signing-key";
    private const string HashKeyName = "hash-key";

    /// <summary>The names under which Development keeps the keys it generated.</summary>
    public static readonly IReadOnlyList<string> GeneratedKeyNames = [SigningKeyName, HashKeyName];

    private readonly Lazy<(byte[] Signing, byte[] Hash)> _keys = new(() => Load(options.Value, scopes));

    public byte[] SigningKey => _keys.Value.Signing;

    public byte[] HashKey => _keys.Value.Hash;

    public int Order => -1;

    /// <summary>Start-up: generates the missing Development keys before anything uses them.</summary>
    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.GenerateMissingKeys)
        {
            return;
        }

        foreach (var (name, configured) in new[] { (SigningKeyName, settings.SigningKey), (HashKeyName, settings.HashKey) })
        {
            if (configured is null && !await db.StoredSecrets.AnyAsync(s => s.Name == name, cancellationToken))
            {
                db.StoredSecrets.Add(new StoredSecret
                {
                    Name = name,
                    Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes)),
                    CreateTime = clock.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another replica generated it first; its key is the one to use.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private static (byte[] Signing, byte[] Hash) Load(SecurityOptions settings, IServiceScopeFactory scopes)
    {
        if (settings.SigningKey is not null && settings.HashKey is not null)
        {
            return (Decode(settings.SigningKey, "Security:SigningKey"), Decode(settings.HashKey, "Security:HashKey"));
        }

        if (!settings.GenerateMissingKeys)
        {
            throw new InvalidOperationException(
                "Security:SigningKey and Security:HashKey must be configured (base64, at least 32 bytes each).");
        }

        using var scope = scopes.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<TahseenDbContext>().StoredSecrets.AsNoTracking()
            .ToDictionary(s => s.Name, s => s.Value);
        return (
            Decode(settings.SigningKey ?? stored.GetValueOrDefault(SigningKeyName), "Security:SigningKey"),
            Decode(settings.HashKey ?? stored.GetValueOrDefault(HashKeyName), "Security:HashKey"));
    }

    private static byte[] Decode(string? base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64 ?? throw new InvalidOperationException($"{name} is not configured."));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not valid base64.");
        }

        return key.Length >= MinKeyBytes
            ? key
            : throw new InvalidOperationException($"{name} must be at least {MinKeyBytes} bytes.");
    }
}
