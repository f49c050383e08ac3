namespace Tahseen.Application.Common.Interfaces;

/// <summary>The sessions (refresh tokens) an account holds.</summary>
public interface IAccountSessions
{
    /// <summary>Ends every session of the account at once; part of the caller's unit of work when it has one open.</summary>
    Task RevokeAllAsync(Guid accountId, CancellationToken cancellationToken);
}
