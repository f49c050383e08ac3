namespace Tahseen.Infrastructure.Persistence;

/// <summary>
/// The database is not fit to serve (unknown provider, malformed or unreachable connection, schema
/// behind, sandbox accounts in Production); the host stops with this message, in one line.
/// </summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
