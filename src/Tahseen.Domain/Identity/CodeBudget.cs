namespace Tahseen.Domain.Identity;

/// <summary>
/// How many one-time codes a budget key (a mobile for anonymous steps, an account for sign-in) has
/// been sent in its current hour. The window starts with the first code and lasts an hour. The count
/// changes only through one conditional UPDATE, so concurrent requests cannot overshoot the limit.
/// </summary>
public sealed class CodeBudget
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private CodeBudget()
    {
        Key = string.Empty;
    }

    /// <summary>A budget's first spend, which opens its first window.</summary>
    public static CodeBudget StartedBy(string key, DateTimeOffset now) => new() { Key = key, WindowStart = now, Count = 1 };

    public string Key { get; private set; }

    public DateTimeOffset WindowStart { get; private set; }

    public int Count { get; private set; }
}
