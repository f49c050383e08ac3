using System.Text.RegularExpressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure.Security;

/// <summary>
/// The server's secrets: the token signing keys, the keyed-hash key, and the personal-data keys
/// (encryption and lookup). Configured keys win; in Development missing ones are generated once and
/// kept in the database (see <see cref="SecurityOptions.GenerateMissingKeys"/>).
/// </summary>
public sealed partial class KeyRing(IOptions<SecurityOptions> options, IServiceScopeFactory scopes, TimeProvider clock)
    : IDataSeeder, IDataKeySource
{
    public const int MinKeyBytes = 32;
    public const int DataKeyBytes = 32;

    /// <summary>The id of the keys Development generates.</summary>
    public const string GeneratedKeyId = "dev";

    private const string SigningKeyName = "token-signing-key";
    private const string HashKeyName = "hash-key";
    private const string DataKeyName = "data-key";
    private const string LookupKeyName = "lookup-key";

    /// <summary>The names under which Development keeps the keys it generated.</summary>
    public static readonly IReadOnlyList<string> GeneratedKeyNames = [SigningKeyName, HashKeyName, DataKeyName, LookupKeyName];

    private readonly Lazy<Keys> _keys = new(() => Load(options.Value, scopes));

    public TokenSigningKeys SigningKeys => _keys.Value.Signing;

    public byte[] HashKey => _keys.Value.Hash;

    public DataKeySet EncryptionKeys => _keys.Value.Data;

    public DataKeySet LookupKeys => _keys.Value.Lookup;

    public int Order => -1;

    /// <summary>Start-up: generates the missing Development keys before anything uses them.</summary>
    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.GenerateMissingKeys)
        {
            return;
        }

        var wanted = new[]
        {
            (SigningKeyName, settings.SigningKeys.Count == 0, (Func<string>)TokenSigningKeys.GeneratePem),
            (HashKeyName, settings.HashKey is null, RandomKey),
            (DataKeyName, settings.DataKeys.Count == 0, RandomKey),
            (LookupKeyName, settings.LookupKeys.Count == 0, RandomKey),
        };
        foreach (var (name, missing, generate) in wanted)
        {
            if (missing && !await db.StoredSecrets.AnyAsync(s => s.Name == name, cancellationToken))
            {
                db.StoredSecrets.Add(new StoredSecret
                {
                    Name = name,
                    Value = generate(),
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

    /// <summary>Throws unless every key is configured and well-formed; Production calls this at start-up.</summary>
    public static void RequireConfiguredKeys(SecurityOptions settings)
    {
        if (settings.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException(
                "Security:SigningKeys must list at least one token signing key ({ Id, Key }: an RSA private key in PEM, at least 2048 bits).");
        }

        ConfiguredSigningKeys(settings);
        Decode(settings.HashKey, "Security:HashKey");
        if (settings.DataKeys.Count == 0)
        {
            throw new InvalidOperationException(
                "Security:DataKeys must list at least one personal-data encryption key ({ Id, Key }: base64, 32 bytes).");
        }

        if (settings.LookupKeys.Count == 0)
        {
            throw new InvalidOperationException(
                "Security:LookupKeys must list at least one lookup-hash key ({ Id, Key }: base64, 32 bytes).");
        }

        ConfiguredSet(settings.DataKeys, settings.ActiveDataKey, "Security:DataKeys");
        ConfiguredSet(settings.LookupKeys, settings.ActiveLookupKey, "Security:LookupKeys");
    }

    private static Keys Load(SecurityOptions settings, IServiceScopeFactory scopes)
    {
        var stored = new Dictionary<string, string>();
        var allConfigured = settings.SigningKeys.Count > 0 && settings.HashKey is not null
            && settings.DataKeys.Count > 0 && settings.LookupKeys.Count > 0;
        if (!allConfigured)
        {
            if (!settings.GenerateMissingKeys)
            {
                RequireConfiguredKeys(settings);
            }

            using var scope = scopes.CreateScope();
            stored = scope.ServiceProvider.GetRequiredService<TahseenDbContext>().StoredSecrets.AsNoTracking()
                .ToDictionary(s => s.Name, s => s.Value);
        }

        return new Keys(
            settings.SigningKeys.Count > 0
                ? ConfiguredSigningKeys(settings)
                : TokenSigningKeys.Create(
                    [(GeneratedKeyId, stored.GetValueOrDefault(SigningKeyName) ?? throw new InvalidOperationException("Security:SigningKeys is not configured."))],
                    GeneratedKeyId,
                    "Security:SigningKeys"),
            Decode(settings.HashKey ?? stored.GetValueOrDefault(HashKeyName), "Security:HashKey"),
            settings.DataKeys.Count > 0
                ? ConfiguredSet(settings.DataKeys, settings.ActiveDataKey, "Security:DataKeys")
                : GeneratedSet(stored.GetValueOrDefault(DataKeyName), "Security:DataKeys"),
            settings.LookupKeys.Count > 0
                ? ConfiguredSet(settings.LookupKeys, settings.ActiveLookupKey, "Security:LookupKeys")
                : GeneratedSet(stored.GetValueOrDefault(LookupKeyName), "Security:LookupKeys"));
    }

    private static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes));

    private static TokenSigningKeys ConfiguredSigningKeys(SecurityOptions settings)
    {
        foreach (var (entry, index) in settings.SigningKeys.Select((e, i) => (e, i)))
        {
            if (!KeyIdPattern().IsMatch(entry.Id))
            {
                throw new InvalidOperationException($"Security:SigningKeys:{index}:Id must be 1 to 16 letters, digits, '-' or '_'.");
            }
        }

        return TokenSigningKeys.Create(
            settings.SigningKeys.Select(k => (k.Id, k.Key)).ToList(),
            settings.ActiveSigningKey ?? settings.SigningKeys[^1].Id,
            "Security:SigningKeys");
    }

    private static DataKeySet GeneratedSet(string? base64, string name) =>
        new(GeneratedKeyId, new Dictionary<string, byte[]> { [GeneratedKeyId] = DecodeExact(base64, name) });

    private static DataKeySet ConfiguredSet(List<DataKeyOptions> entries, string? activeId, string name)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            if (!KeyIdPattern().IsMatch(entry.Id))
            {
                throw new InvalidOperationException(
                    $"{name}:{index}:Id must be 1 to 16 letters, digits, '-' or '_'.");
            }

            if (!keys.TryAdd(entry.Id, DecodeExact(entry.Key, $"{name}:{index}:Key")))
            {
                throw new InvalidOperationException($"{name} lists the id '{entry.Id}' twice.");
            }
        }

        var active = activeId ?? entries[^1].Id;
        return keys.ContainsKey(active)
            ? new DataKeySet(active, keys)
            : throw new InvalidOperationException($"The active key '{active}' is not listed in {name}.");
    }

    private static byte[] DecodeExact(string? base64, string name)
    {
        var key = Decode(base64, name);
        return key.Length == DataKeyBytes
            ? key
            : throw new InvalidOperationException($"{name} must be exactly {DataKeyBytes} bytes.");
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex KeyIdPattern();

    private sealed record Keys(TokenSigningKeys Signing, byte[] Hash, DataKeySet Data, DataKeySet Lookup);
}
