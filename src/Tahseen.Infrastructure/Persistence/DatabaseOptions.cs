namespace Tahseen.Infrastructure.Persistence;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary><c>Sqlite</c> (one process, one file) or <c>PostgreSQL</c> (N replicas, one server).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Apply pending migrations at start-up. On in Development; elsewhere the <c>migrate</c> command
    /// does it once, so that several replicas starting together never race to change the schema.
    /// </summary>
    public bool MigrateOnStart { get; set; }
}
