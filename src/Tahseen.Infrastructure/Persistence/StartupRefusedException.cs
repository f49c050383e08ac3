namespace Tahseen.Infrastructure.Persistence;

/// <summary>The database is not fit to serve (schema behind, sandbox accounts in Production); the host stops with this message.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
