namespace Tahseen.Application.Common.Interfaces;

/// <summary>The SMS gateway. Called only by the outbox dispatcher, never inside a request.</summary>
public interface ISmsSender
{
    /// <summary>
    /// Delivers one message. The dispatcher sends at least once: when the process dies after the
    /// gateway took a message but before the outbox recorded it, the message is sent again after the
    /// restart with the same <paramref name="reference"/>. A sender therefore delivers each reference
    /// at most once (the gateway's idempotency key, or a unique key of its own), so nobody gets a
    /// message twice.
    /// </summary>
    /// <param name="reference">The message's stable reference: its outbox id.</param>
    /// <param name="mobileNumber">E.164.</param>
    Task SendAsync(Guid reference, string mobileNumber, string body, CancellationToken cancellationToken);
}
