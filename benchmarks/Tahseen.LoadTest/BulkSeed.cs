using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Tahseen.LoadTest;

/// <summary>
/// Tickets in bulk, not through the API: each citizen's one ticket filed through SubmitTicket is the
/// template, and its row (and its first history row) is copied in SQL with a new id, reference number,
/// type, status and times — so every column the migrations created, encrypted personal data included, has
/// a value the service wrote itself, whatever columns later migrations add. Prepared INSERT … SELECT
/// commands in transactions of 50,000 rows, written while the service is stopped (SQLite has one writer).
/// </summary>
internal sealed class BulkSeed(LoadDatabase database)
{
    /// <summary>Reference numbers of seeded tickets use a year no real ticket has, so they never meet the service's counter.</summary>
    private const string ReferencePrefix = "TH-1990-";
    private const int BatchRows = 50_000;

    /// <summary>Ticket ids GetTicket picks from, kept per citizen.</summary>
    private const int SampledIdsPerCitizen = 2_000;

    private static readonly string[] TicketOverrides =
        ["Id", "ReferenceNumber", "Type", "Status", "CreateTime", "UpdateTime", "DueTime", "FirstResponseTime", "ResolveTime", "CloseTime"];

    private static readonly string[] HistoryOverrides = ["Id", "TicketId", "CreateTime"];

    /// <summary>
    /// Adds tickets until the database holds <paramref name="target"/>, spread round-robin over the citizens:
    /// the first <paramref name="openPerCitizen"/> of each citizen open (submitted in the last ten days, due in
    /// a month, so the SLA job has nothing to do), the rest closed over the past year.
    /// </summary>
    public async Task<(long Added, TimeSpan Time)> TopUpAsync(IReadOnlyList<Person> citizens, IReadOnlyDictionary<Person, string> templates,
        long target, int openPerCitizen, DateTime now)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await database.OpenAsync();
        if (!database.IsPostgreSql)
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        }

        var existing = await CountAsync(connection, "SELECT count(*) FROM tickets");
        var seededBefore = await CountAsync(connection, $"SELECT count(*) FROM tickets WHERE \"ReferenceNumber\" LIKE '{ReferencePrefix}%'");
        var toAdd = target - existing;
        if (toAdd <= 0)
        {
            return (0, stopwatch.Elapsed);
        }

        var ticketColumns = await ColumnsAsync(connection, "tickets");
        var historyColumns = await ColumnsAsync(connection, "ticket_history");
        var sources = new List<(Person Citizen, object TicketId, object? HistoryId)>();
        foreach (var citizen in citizens)
        {
            var ticketId = await ScalarAsync(connection, "SELECT \"Id\" FROM tickets WHERE lower(CAST(\"Id\" AS TEXT)) = lower(@id)", ("id", templates[citizen]))
                ?? throw new InvalidOperationException($"The template ticket {templates[citizen]} is not in the database.");
            var historyId = await ScalarAsync(connection,
                "SELECT \"Id\" FROM ticket_history WHERE \"TicketId\" = @id ORDER BY \"Sequence\" LIMIT 1", ("id", ticketId));
            sources.Add((citizen, ticketId, historyId));
        }

        var idFormat = sources[0].TicketId;
        var templateTime = database.IsPostgreSql
            ? null
            : (string?)await ScalarAsync(connection, "SELECT \"CreateTime\" FROM tickets WHERE \"Id\" = @id", ("id", idFormat));

        var insertTicket = InsertCopy("tickets", ticketColumns, TicketOverrides, "\"Id\" = @source");
        var insertHistory = InsertCopy("ticket_history", historyColumns, HistoryOverrides, "\"Id\" = @source");
        // SQLite: the secondary indexes of both tables are dropped for the load and created again after it
        // from their own stored definitions (so exactly as the migrations made them): one sort per index
        // instead of a random B-tree insert per row and index, several times faster on a million rows.
        List<(string Name, string Definition)> indexes = database.IsPostgreSql ? [] : await IndexDefinitionsAsync(connection);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        var random = new Random(20261208);
        long added = 0;
        while (added < toAdd)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var tickets = Prepare(connection, transaction, insertTicket, TicketOverrides);
            await using var history = Prepare(connection, transaction, insertHistory, HistoryOverrides);
            var batchEnd = Math.Min(toAdd, added + BatchRows);
            for (; added < batchEnd; added++)
            {
                var slot = (int)(added % citizens.Count);
                var (citizen, sourceTicket, sourceHistory) = sources[slot];
                var index = citizen.TicketCount++;
                var open = index < openPerCitizen;
                // Version 7 ids rise with the insert order, so the primary key's index grows at its end.
                var id = Guid.CreateVersion7();
                var created = open
                    ? now.AddDays(-2 - random.NextDouble() * 8)
                    : now.AddDays(-2 - random.NextDouble() * 362);
                var closed = created.AddDays(4);

                Set(tickets, "source", sourceTicket);
                Set(tickets, "Id", Id(id, idFormat));
                Set(tickets, "ReferenceNumber", string.Create(CultureInfo.InvariantCulture, $"{ReferencePrefix}{seededBefore + added + 1:D6}"));
                Set(tickets, "Type", (int)(added % 3) + 1);
                Set(tickets, "Status", open ? 1 : 5);
                Set(tickets, "CreateTime", Time(created, templateTime));
                Set(tickets, "UpdateTime", Time(open ? created : closed, templateTime));
                Set(tickets, "DueTime", Time(open ? now.AddDays(30) : created.AddDays(10), templateTime));
                Set(tickets, "FirstResponseTime", open ? null : Time(created.AddDays(1), templateTime));
                Set(tickets, "ResolveTime", open ? null : Time(created.AddDays(2), templateTime));
                Set(tickets, "CloseTime", open ? null : Time(closed, templateTime));
                await tickets.ExecuteNonQueryAsync();

                if (sourceHistory is not null)
                {
                    Set(history, "source", sourceHistory);
                    Set(history, "Id", Id(Guid.CreateVersion7(), idFormat));
                    Set(history, "TicketId", Id(id, idFormat));
                    Set(history, "CreateTime", Time(created, templateTime));
                    await history.ExecuteNonQueryAsync();
                }

                // A uniform sample of the citizen's tickets (reservoir sampling; the first, the API's own, stays).
                if (citizen.TicketIds.Count < SampledIdsPerCitizen)
                {
                    citizen.TicketIds.Add(id.ToString());
                }
                else if (random.NextInt64(index + 1) is var pick && pick is > 0 and < SampledIdsPerCitizen)
                {
                    citizen.TicketIds[(int)pick] = id.ToString();
                }
            }

            await transaction.CommitAsync();
            var progress = $"seed: {existing + added:N0} of {target:N0} tickets ({stopwatch.Elapsed.TotalSeconds:0}s)";
            Console.Error.Write(Console.IsErrorRedirected ? progress + Environment.NewLine : $"\r{progress}   ");
        }

        if (!Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }

        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
        }

        // A database in use has its planner statistics (PostgreSQL's autovacuum gathers them); a fresh bulk load has none yet.
        await ExecuteAsync(connection, database.IsPostgreSql ? "ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE)");
        return (added, stopwatch.Elapsed);
    }

    /// <summary>An id in the form the provider stores: SQLite keeps EF Core's upper-case text, PostgreSQL a uuid.</summary>
    private static object Id(Guid id, object template) => template switch
    {
        string text when text.Any(char.IsLower) => id.ToString(),
        string => id.ToString().ToUpperInvariant(),
        _ => id,
    };

    /// <summary>A UTC time in the form the provider stores: on SQLite EF Core's text (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>), on PostgreSQL a timestamptz.</summary>
    private static object Time(DateTime utc, string? template)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (template is null)
        {
            return utc;
        }

        var separator = template.Length > 10 && template[10] == 'T' ? "T" : " ";
        return utc.ToString($"yyyy-MM-dd'{separator}'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>INSERT INTO table (every column) SELECT …</c> from the source row, the overridden columns from
    /// parameters. On PostgreSQL each parameter is cast to its column's type, since a null parameter in a
    /// SELECT list would otherwise be taken for text.
    /// </summary>
    private static string InsertCopy(string table, IReadOnlyList<(string Name, string Type)> columns, string[] overrides, string where)
    {
        var present = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = overrides.Where(o => !present.Contains(o)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The {table} table has no column {string.Join(", ", missing)}; the bulk seed needs updating.");
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", columns.Select(c => !overrides.Contains(c.Name) ? $"\"{c.Name}\""
            : c.Type.Length == 0 ? $"@{c.Name}"
            : $"CAST(@{c.Name} AS {c.Type})"));
        return $"INSERT INTO {table} ({names}) SELECT {values} FROM {table} WHERE {where}";
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, string[] overrides)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in overrides.Append("source"))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>The table's columns in order, with their PostgreSQL type (empty on SQLite, where a parameter needs no cast).</summary>
    private async Task<List<(string Name, string Type)>> ColumnsAsync(DbConnection connection, string table)
    {
        var sql = database.IsPostgreSql
            ? $"SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position"
            : $"SELECT name, '' FROM pragma_table_info('{table}')";
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>The SQLite indexes of the two tables that were created by statements (not the primary keys), with their statements.</summary>
    private static async Task<List<(string Name, string Definition)>> IndexDefinitionsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_history') AND sql IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql) =>
        Convert.ToInt64(await ScalarAsync(connection, sql), CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
