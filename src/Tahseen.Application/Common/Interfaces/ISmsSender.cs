namespace Tahseen.Application.Common.Interfaces;

/// <summary>The SMS gateway. Called only by the outbox dispatcher, never inside a request.</summary>
public interface ISmsSender
{
    /// <param name="mobileNumber">E.164.</param>
    Task SendAsync(string mobileNumber, string body, CancellationToken cancellationToken);
}
