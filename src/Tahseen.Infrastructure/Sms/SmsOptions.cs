namespace Tahseen.Infrastructure.Sms;

/// <summary>Configuration section "Sms": which gateway the outbox sends through.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";
    public const string SandboxProvider = "Sandbox";
    public const string HttpProvider = "Http";

    /// <summary><c>Sandbox</c> (messages kept for SandboxService) or <c>Http</c> (the operator's gateway).</summary>
    public string Provider { get; set; } = SandboxProvider;

    /// <summary>Outside Development the sandbox sender reaches no phone, so it is refused unless this says it is meant.</summary>
    public bool AllowSandboxSender { get; set; }

    public SmsHttpOptions Http { get; set; } = new();
}

/// <summary>The HTTP SMS gateway: <c>POST {Url}</c> with JSON <c>{to, body, reference, sender}</c>; any 2xx is accepted.</summary>
public sealed class SmsHttpOptions
{
    public Uri? Url { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    public string SenderName { get; set; } = "Tahseen";

    /// <summary>The whole send, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
