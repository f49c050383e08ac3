using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Audit;

/// <summary>Reads listed audit lines with plain SQL, so that one edited row shows as unreadable instead of failing the page.</summary>
public sealed class AuditEventReader(TahseenDbContext db) : IAuditEventReader
{
    public async Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return [];
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(sequences.Count);
            foreach (var (sequence, index) in sequences.Select((s, i) => (s, i)))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@s" + index.ToString(CultureInfo.InvariantCulture);
                parameter.Value = sequence;
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            command.CommandText =
                $"SELECT {StoredAuditLines.Columns} FROM \"{StoredAuditLines.Table}\" WHERE \"Sequence\" IN ({string.Join(", ", names)}) ORDER BY \"Sequence\" DESC";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var lines = new List<StoredAuditEvent>(sequences.Count);
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = StoredAuditLines.ReadLoose(reader);
                lines.Add(new StoredAuditEvent(
                    line.Sequence,
                    line.Time,
                    line.Actor is null ? null : Guid.Parse(line.Actor),
                    line.Action,
                    line.SubjectType,
                    line.SubjectId,
                    line.Detail ?? string.Empty,
                    line.PreviousHash,
                    line.Hash,
                    line.Unreadable));
            }

            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
