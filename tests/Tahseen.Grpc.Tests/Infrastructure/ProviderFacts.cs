namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// A test that is SQLite by nature (it reads the .db file, checks WAL or PRAGMA output, copies the file);
/// skipped, with its reason, when the run's provider is PostgreSQL. Grep for this attribute to see the list.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.RunsOnPostgreSql)
        {
            Skip = $"SQLite only: {reason}";
        }
    }
}

/// <summary>A test that needs PostgreSQL (several server processes on one database); skipped on an SQLite run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute(string reason)
    {
        if (!TestDatabase.RunsOnPostgreSql)
        {
            Skip = $"PostgreSQL only ({TestDatabase.ProviderVariable}=PostgreSQL): {reason}";
        }
    }
}
