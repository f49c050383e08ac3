namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// A keyed hash (HMAC-SHA256 under a server secret) for short secrets kept at rest: one-time codes,
/// captcha answers, refresh tokens. Without the key a stolen database does not reveal them.
/// </summary>
public interface IKeyedHasher
{
    string Hash(string value);
}
