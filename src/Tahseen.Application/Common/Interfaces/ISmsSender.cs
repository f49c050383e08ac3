namespace Tahseen.Application.Common.Interfaces;

/// <summary>The SMS gateway. Called only by the outbox dispatcher, never inside a request.</summary>
public interface ISmsSender
{
    /// <param name="mobileNumber">E.164.</param>
    /// <param name="body">The text as the person reads it.</param>
    /// <param name="reference">Stable for one message across every attempt, so a gateway sends a resend only once.</param>
    Task SendAsync(string mobileNumber, string body, string reference, CancellationToken cancellationToken);
}
