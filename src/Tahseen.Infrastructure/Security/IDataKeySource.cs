namespace Tahseen.Infrastructure.Security;

/// <summary>
/// Where the personal-data keys come from. The default reads configuration (or, in Development, keys
/// generated into the database); a KMS or HSM adapter replaces this registration and nothing else.
/// </summary>
public interface IDataKeySource
{
    /// <summary>AES-256 keys that seal personal data; the active one seals new values.</summary>
    DataKeySet EncryptionKeys { get; }

    /// <summary>HMAC keys of the lookup hashes; the active one hashes new values.</summary>
    DataKeySet LookupKeys { get; }
}

/// <summary>Named 32-byte keys and the one new values use.</summary>
public sealed class DataKeySet
{
    public DataKeySet(string activeId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(activeId))
        {
            throw new InvalidOperationException($"The active key '{activeId}' is not among the configured keys.");
        }

        ActiveId = activeId;
        Keys = keys;
    }

    public string ActiveId { get; }

    public byte[] Active => Keys[ActiveId];

    public IReadOnlyDictionary<string, byte[]> Keys { get; }
}
