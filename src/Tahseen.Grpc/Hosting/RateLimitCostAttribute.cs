namespace Tahseen.Grpc.Hosting;

/// <summary>
/// How many units of the caller's per-minute budget a method spends. Methods that send an SMS,
/// render a captcha or check a password cost more than a read, so a budget buys fewer of them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitCostAttribute(int cost) : Attribute
{
    /// <summary>Captchas, registration, sign-in and password reset.</summary>
    public const int Expensive = 5;

    public int Cost { get; } = cost;
}
