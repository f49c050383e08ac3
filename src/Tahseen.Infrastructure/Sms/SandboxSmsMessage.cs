namespace Tahseen.Infrastructure.Sms;

/// <summary>An SMS the sandbox gateway "delivered", kept for SandboxService.ListSmsMessages.</summary>
public sealed class SandboxSmsMessage
{
    /// <summary>Increasing, so "newest first" holds even for messages sent in the same instant.</summary>
    public long Id { get; init; }

    /// <summary>The outbox id of the message: one inbox entry per reference, however often it was sent.</summary>
    public Guid Reference { get; init; }

    public required string MobileNumber { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreateTime { get; init; }
}
