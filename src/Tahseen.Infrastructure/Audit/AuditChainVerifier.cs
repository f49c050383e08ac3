using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Audit;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Reads the audit table with plain SQL, oldest line first, and recomputes each hash from the stored
/// text. A line breaks the chain when its sequence does not follow the previous one (a line was
/// removed), when its previous hash is not the previous line's hash, when its own hash does not
/// match, or when a stored value cannot be read at all. The oldest line kept must follow the
/// retention anchor (<see cref="AuditChainAnchor"/>: the genesis until the first purge), so lines
/// removed by hand from the old end break the chain too.
/// </summary>
public sealed class AuditChainVerifier(TahseenDbContext db) : IAuditChainVerifier
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken) =>
        await VerifyThroughAsync(long.MaxValue, cancellationToken);

    /// <summary>Checks the lines up to <paramref name="lastSequence"/> only (what a purge is about to remove).</summary>
    public async Task<AuditChainReport> VerifyThroughAsync(long lastSequence, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (previousSequence, previousHash) = await ReadAnchorAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText =
                $"SELECT {StoredAuditLines.Columns} FROM \"{StoredAuditLines.Table}\" WHERE \"Sequence\" <= @last ORDER BY \"Sequence\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@last";
            parameter.Value = lastSequence;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            long checkedCount = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                checkedCount++;
                var expected = previousSequence + 1;
                if (!StoredAuditLines.TryRead(reader, out var line))
                {
                    return new AuditChainReport(false, checkedCount, line.Sequence > 0 ? line.Sequence : expected);
                }

                var follows = line.Sequence == expected && line.PreviousHash == previousHash;
                var hash = AuditChain.HashOf(line.Sequence, line.Time!.Value, line.Actor, line.Action, line.SubjectType, line.SubjectId, line.Detail, line.PreviousHash);
                if (!follows || hash != line.Hash)
                {
                    return new AuditChainReport(false, checkedCount, line.Sequence);
                }

                (previousSequence, previousHash) = (line.Sequence, line.Hash);
            }

            return new AuditChainReport(true, checkedCount, 0);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The anchor as stored; a missing or unreadable anchor is the genesis, so nothing removed by hand goes unnoticed.</summary>
    private static async Task<(long Sequence, string Hash)> ReadAnchorAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"SELECT \"{nameof(AuditChainAnchor.Sequence)}\", \"{nameof(AuditChainAnchor.Hash)}\" FROM \"{AuditChainAnchor.Table}\" WHERE \"{nameof(AuditChainAnchor.Id)}\" = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && reader.GetValue(0) is long sequence && sequence >= 0 && reader.GetValue(1) is string hash)
        {
            return (sequence, hash);
        }

        return (0, AuditEvent.GenesisHash);
    }
}
