namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Tells this process's open streams that sessions have ended, after the end has committed, so they
/// close at once rather than at their next periodic check (which catches ends made by other replicas).
/// </summary>
public interface ISessionEnds
{
    void SessionEnded(Guid sessionId);

    void AccountSessionsEnded(Guid accountId);
}
