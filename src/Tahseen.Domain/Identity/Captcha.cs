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
    /// Whether the answer's keyed hash matches. Using the captcha up is a separate, conditional write
    /// (one image buys one guess, even among concurrent requests), done before this is asked.
    /// </summary>
    public bool IsAnsweredBy(string answerHash) => KeyedHashes.Equal(AnswerHash, answerHash);
}
