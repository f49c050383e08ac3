using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tahseen.Infrastructure.Privacy;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Key rotation for personal data: re-seals every value not sealed under the active data key (or
/// written in clear before encryption existed) and re-hashes every lookup hash not made with the
/// active lookup key. It works on raw stored values, table by table in primary-key order, a batch per
/// transaction; each row is updated only if it still holds the value read, so a concurrent write
/// (which already uses the active keys) wins. Stopping at any point loses nothing: the next pass skips
/// what is done. Runs at start-up and then every few hours.
/// </summary>
public sealed partial class PersonalDataRekeyJob(
    IServiceScopeFactory scopes,
    PersonalDataProtector protector,
    IDataKeySource keys,
    IOptions<PrivacyOptions> options,
    ILogger<PersonalDataRekeyJob> logger)
    : BackgroundService
{
    public const int BatchSize = 200;
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RekeyInterval == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RekeyInterval);
        do
        {
            try
            {
                var rekeyed = await RunAsync(int.MaxValue, stoppingToken);
                if (rekeyed > 0)
                {
                    LogRekeyed(rekeyed, keys.EncryptionKeys.ActiveId, keys.LookupKeys.ActiveId);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRekeyFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass, stopping after <paramref name="maxRows"/> updated rows; returns how many rows it updated.</summary>
    public async Task<int> RunAsync(int maxRows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        var updated = 0;
        foreach (var table in SealedTables(db.Model))
        {
            updated += await RekeyTableAsync(db, table, maxRows - updated, cancellationToken);
            if (updated >= maxRows)
            {
                break;
            }
        }

        return updated;
    }

    private async Task<int> RekeyTableAsync(TahseenDbContext db, SealedTable table, int maxRows, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            object? cursor = null;
            var updated = 0;
            while (updated < maxRows)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var rows = await ReadBatchAsync(connection, transaction.GetDbTransaction(), table, cursor, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                foreach (var row in rows)
                {
                    if (updated < maxRows && await RekeyRowAsync(connection, transaction.GetDbTransaction(), table, row, cancellationToken))
                    {
                        updated++;
                    }
                }

                await transaction.CommitAsync(cancellationToken);
                cursor = rows[^1][0];
                if (rows.Count < BatchSize)
                {
                    break;
                }
            }

            return updated;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<object?[]>> ReadBatchAsync(
        DbConnection connection, DbTransaction transaction, SealedTable table, object? cursor, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = string.Join(", ", table.Columns.SelectMany(c => c.HashColumn is null ? [c.Column] : new[] { c.Column, c.HashColumn }).Select(Quote));
        command.CommandText = $"SELECT {Quote(table.KeyColumn)}, {columns} FROM {Quote(table.Table)}"
            + (cursor is null ? string.Empty : $" WHERE {Quote(table.KeyColumn)} > @cursor")
            + $" ORDER BY {Quote(table.KeyColumn)} LIMIT {BatchSize}";
        if (cursor is not null)
        {
            AddParameter(command, "@cursor", cursor);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task<bool> RekeyRowAsync(
        DbConnection connection, DbTransaction transaction, SealedTable table, object?[] row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sets = new List<string>();
        var guards = new List<string>();
        var index = 1;
        foreach (var column in table.Columns)
        {
            var stored = row[index++] as string;
            var storedHash = column.HashColumn is null ? null : row[index++] as string;
            if (string.IsNullOrEmpty(stored))
            {
                continue;
            }

            var clear = protector.Unprotect(stored, column.Purpose);
            var name = $"@p{sets.Count + guards.Count}";
            if (PersonalDataProtector.SealingKeyOf(stored) != keys.EncryptionKeys.ActiveId)
            {
                sets.Add($"{Quote(column.Column)} = {name}s");
                AddParameter(command, name + "s", protector.Protect(clear, column.Purpose));
            }

            guards.Add($"{Quote(column.Column)} = {name}g");
            AddParameter(command, name + "g", stored);

            if (column.Lookup is { } kind
                && (storedHash is null || PersonalDataProtector.HashKeyOf(storedHash) != keys.LookupKeys.ActiveId))
            {
                sets.Add($"{Quote(column.HashColumn!)} = {name}h");
                AddParameter(command, name + "h", protector.LookupHash(kind, clear));
            }
        }

        if (sets.Count == 0)
        {
            return false;
        }

        command.CommandText = $"UPDATE {Quote(table.Table)} SET {string.Join(", ", sets)} WHERE {Quote(table.KeyColumn)} = @key AND {string.Join(" AND ", guards)}";
        AddParameter(command, "@key", row[0]!);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static IEnumerable<SealedTable> SealedTables(IModel model) =>
        from entity in model.GetEntityTypes()
        let columns = PersonalDataModel.SealedProperties(entity).ToList()
        where columns.Count > 0 && entity.GetTableName() is not null
        let store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema())
        select new SealedTable(
            entity.GetTableName()!,
            entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!,
            columns.Select(p => new SealedColumn(
                p.GetColumnName(store)!,
                PersonalDataModel.PurposeOf(p),
                PersonalDataModel.LookupOf(p),
                PersonalDataModel.LookupOf(p) is { } kind ? entity.FindProperty(PersonalDataModel.ColumnOf(kind))!.GetColumnName(store) : null)).ToList());

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data: {Rows} rows moved to data key {DataKey} and lookup key {LookupKey}")]
    private partial void LogRekeyed(int rows, string dataKey, string lookupKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Personal-data re-keying failed; retrying at the next interval")]
    private partial void LogRekeyFailed(Exception exception);

    private sealed record SealedTable(string Table, string KeyColumn, IReadOnlyList<SealedColumn> Columns);

    private sealed record SealedColumn(string Column, string Purpose, LookupKind? Lookup, string? HashColumn);
}
