using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tahseen.LoadTest;

/// <summary>
/// The service's database for one run: a new SQLite file in the temp directory (deleted at the end), or a
/// new database on a PostgreSQL server (dropped at the end) — TAHSEEN_TEST_POSTGRES when set, otherwise a
/// throwaway cluster from scripts/postgres-test-cluster that this run starts and stops.
/// </summary>
internal sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly string? _clusterDirectory;
    private readonly string _repository;

    private LoadDatabase(bool postgreSql, string connectionString, string repository, string? file = null,
        string? serverConnectionString = null, string? databaseName = null, string? clusterDirectory = null)
    {
        IsPostgreSql = postgreSql;
        ConnectionString = connectionString;
        _repository = repository;
        _file = file;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        _clusterDirectory = clusterDirectory;
    }

    public bool IsPostgreSql { get; }

    public string ConnectionString { get; }

    public string Description => IsPostgreSql ? $"PostgreSQL database {_databaseName}" : $"SQLite file {_file}";

    /// <summary>The service's settings (environment form) for this database.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment => IsPostgreSql
        ? new Dictionary<string, string> { ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Tahseen"] = ConnectionString }
        : new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Tahseen"] = ConnectionString };

    public static async Task<LoadDatabase> CreateAsync(bool postgreSql, string repository)
    {
        if (!postgreSql)
        {
            var file = Path.Combine(Path.GetTempPath(), $"tahseen-load-{Guid.NewGuid():N}.db");
            return new LoadDatabase(false, $"Data Source={file}", repository, file: file);
        }

        var server = Environment.GetEnvironmentVariable("TAHSEEN_TEST_POSTGRES");
        string? cluster = null;
        if (string.IsNullOrEmpty(server))
        {
            (server, cluster) = await StartClusterAsync(repository);
        }

        var name = $"tahseen_load_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new LoadDatabase(true, builder.ConnectionString, repository, serverConnectionString: server, databaseName: name, clusterDirectory: cluster);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_clusterDirectory is not null)
        {
            await RunScriptAsync(_repository, "stop", _clusterDirectory);
        }
    }

    /// <summary>scripts/postgres-test-cluster start: its `export NAME='value'` lines name the server and the cluster directory.</summary>
    private static async Task<(string Server, string Directory)> StartClusterAsync(string repository)
    {
        var output = await RunScriptAsync(repository, "start");
        string Export(string name) => output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith($"export {name}=", StringComparison.Ordinal))
            .Select(line => line[$"export {name}=".Length..].Trim('\''))
            .SingleOrDefault() ?? throw new InvalidOperationException($"scripts/postgres-test-cluster start printed no {name}.");
        return (Export("TAHSEEN_TEST_POSTGRES"), Export("TAHSEEN_PG_DIR"));
    }

    private static async Task<string> RunScriptAsync(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(repository, "scripts", "postgres-test-cluster"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("scripts/postgres-test-cluster did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"scripts/postgres-test-cluster {string.Join(' ', arguments)} exited with {process.ExitCode}.");
    }
}
