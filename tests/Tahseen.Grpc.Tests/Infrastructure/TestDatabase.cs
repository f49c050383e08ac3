using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>The database engine a test run uses, named by <c>TAHSEEN_TEST_PROVIDER</c>.</summary>
public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One scratch database for one factory or server process, so that test classes never share state: an
/// SQLite file in the temp directory, or (<c>TAHSEEN_TEST_PROVIDER=PostgreSQL</c>) a fresh database
/// <c>tahseen_t_&lt;guid&gt;</c> on the server that <c>TAHSEEN_TEST_POSTGRES</c> names, dropped on dispose.
/// The same suite runs on both; SQL that tests write by hand keeps to what both engines read alike
/// (quoted column names, <c>@name</c> parameters, <c>CAST(x AS TEXT)</c> before comparing ids).
/// </summary>
public sealed class TestDatabase : IDisposable, IAsyncDisposable
{
    public const string ProviderVariable = "TAHSEEN_TEST_PROVIDER";
    public const string PostgresVariable = "TAHSEEN_TEST_POSTGRES";

    private readonly bool _owned;
    private int _disposed;

    private TestDatabase(TestProvider provider, string connectionString, string? filePath, string? databaseName, bool owned)
    {
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        DatabaseName = databaseName;
        _owned = owned;
    }

    /// <summary>The provider of this run: <c>Sqlite</c> unless the environment asks for <c>PostgreSQL</c>.</summary>
    public static TestProvider RunProvider { get; } = ReadProvider();

    public static bool RunsOnPostgreSql => RunProvider == TestProvider.PostgreSql;

    public TestProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file (and its -wal/-shm companions); null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>The PostgreSQL database name; null on SQLite.</summary>
    public string? DatabaseName { get; }

    /// <summary>The value of the server's <c>Database:Provider</c> setting for this database.</summary>
    public string ProviderSetting => Provider == TestProvider.PostgreSql ? "PostgreSQL" : "Sqlite";

    /// <summary>
    /// The host settings (environment-variable form) that point a server at this database. On SQLite only the
    /// connection string, so that an SQLite run starts the server exactly as it always has.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment => Provider == TestProvider.PostgreSql
        ? new Dictionary<string, string> { ["Database__Provider"] = ProviderSetting, ["ConnectionStrings__Tahseen"] = ConnectionString }
        : new Dictionary<string, string> { ["ConnectionStrings__Tahseen"] = ConnectionString };

    /// <summary>A new empty database of this run's provider; <paramref name="prefix"/> names the SQLite file.</summary>
    public static TestDatabase Create(string prefix = "tahseen-test") =>
        RunProvider == TestProvider.PostgreSql ? CreatePostgreSql() : CreateSqlite(prefix);

    /// <summary>A new SQLite file whatever the run's provider, for what is SQLite by nature (a file copy, a backup).</summary>
    public static TestDatabase CreateSqlite(string prefix = "tahseen-test") =>
        SqliteFile(Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db"), owned: true);

    /// <summary>An SQLite file a test owns and keeps after this object is disposed.</summary>
    public static TestDatabase KeptSqliteFile(string path) => SqliteFile(path, owned: false);

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == TestProvider.PostgreSql
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs one statement with <c>@name</c> parameters and returns its first value.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>A <c>count(*)</c> or sum, whatever integer type the engine answers with.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs one statement with <c>@name</c> parameters and returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The application's tables (the migrations history included), by name.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync()
    {
        var sql = Provider == TestProvider.PostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>
    /// Everything the database holds, as bytes to search for personal data left in clear. SQLite: the .db file
    /// and its -wal, freed pages included. PostgreSQL: every value of every row of every table as the server
    /// returns it past any converter of the application (text as UTF-8, bytea as its raw bytes), one entry per table.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, byte[] Bytes)>> StoredBytesAsync()
    {
        if (Provider == TestProvider.Sqlite)
        {
            return new[] { FilePath!, FilePath + "-wal" }
                .Where(File.Exists)
                .Select(path =>
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return (Path.GetFileName(path), copy.ToArray());
                })
                .ToList();
        }

        var tables = new List<(string Name, byte[] Bytes)>();
        await using var connection = await OpenAsync();
        foreach (var table in await TablesAsync())
        {
            using var content = new MemoryStream();
            await using var command = Command(connection, $"SELECT * FROM \"{table}\"", []);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var bytes = reader.GetValue(i) switch
                    {
                        byte[] raw => raw,
                        DBNull => [],
                        var value => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    };
                    content.Write(bytes);
                    content.WriteByte((byte)'\n');
                }
            }

            tables.Add((table, content.ToArray()));
        }

        return tables;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (Provider == TestProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (_owned && FilePath is not null)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(FilePath + suffix);
                }
            }

            return;
        }

        // Other test classes run beside this one on their own databases: only this database's pool is emptied,
        // and FORCE ends whatever connection a host still holds.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static TestDatabase SqliteFile(string path, bool owned) =>
        new(TestProvider.Sqlite, $"Data Source={path}", path, null, owned);

    private static TestDatabase CreatePostgreSql()
    {
        var name = $"tahseen_t_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name }.ConnectionString;
        return new TestDatabase(TestProvider.PostgreSql, connectionString, null, name, owned: true);
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ProviderVariable}=PostgreSQL needs {PostgresVariable}, an Npgsql connection string of a role that may create databases " +
                "(scripts/postgres-test-cluster start prints one).");

    private static TestProvider ReadProvider()
    {
        var value = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrEmpty(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return TestProvider.Sqlite;
        }

        return value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? TestProvider.PostgreSql
            : throw new InvalidOperationException($"{ProviderVariable} is '{value}'; it is Sqlite (the default) or PostgreSQL.");
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
