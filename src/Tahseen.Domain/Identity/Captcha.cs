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
    /// Uses the captcha up, right or wrong: one image buys one guess. Returns whether it was still
    /// usable; the caller then compares the answer.
    /// </summary>
    public bool Consume(DateTimeOffset now)
    {
        if (ConsumeTime is not null || now >= ExpireTime)
        {
            return false;
        }

        ConsumeTime = now;
        return true;
    }
}
