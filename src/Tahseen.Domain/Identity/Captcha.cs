using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>
/// A visual code: single use, short-lived, its answer kept only as a keyed hash. In sandbox mode
/// the plain answer is kept too, so a test harness can read it back.
/// </summary>
public sealed class Captcha
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private Captcha()
    {
        AnswerHash = string.Empty;
    }

    public Captcha(string answerHash, string? sandboxAnswer, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AnswerHash = answerHash;
        SandboxAnswer = sandboxAnswer;
        CreateTime = now;
        ExpireTime = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public string AnswerHash { get; private set; }

    public string? SandboxAnswer { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset ExpireTime { get; private set; }

    public DateTimeOffset? ConsumeTime { get; private set; }

    /// <summary>
    /// Uses the captcha up, right or wrong: one image buys one guess. True only when it was still
    /// usable and the answer's keyed hash matches.
    /// </summary>
    public bool TryAnswer(string answerHash, DateTimeOffset now)
    {
        if (ConsumeTime is not null || now >= ExpireTime)
        {
            return false;
        }

        ConsumeTime = now;
        return KeyedHashes.Equal(AnswerHash, answerHash);
    }
}
