using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Audit;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Audit;

/// <summary>
/// Reads the audit table with plain SQL, oldest line first, and recomputes each hash from the stored
/// text. A line breaks the chain when its sequence does not follow the previous one (a line was
/// removed), when its previous hash is not the previous line's hash, when its own hash does not
/// match, or when a stored value cannot be read at all. The oldest line kept may follow lines that
/// retention removed; its previous hash is then taken as given.
/// </summary>
public sealed class AuditChainVerifier(TahseenDbContext db) : IAuditChainVerifier
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT \"Sequence\", \"Time\", \"ActorAccountId\", \"Action\", \"SubjectType\", \"SubjectId\", \"Detail\", \"PreviousHash\", \"Hash\" " +
                "FROM \"audit_events\" ORDER BY \"Sequence\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            long checkedCount = 0;
            long? previousSequence = null;
            string? previousHash = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                checkedCount++;
                var expected = previousSequence + 1 ?? 1;
                if (!TryRead(reader, out var line))
                {
                    return new AuditChainReport(false, checkedCount, TrySequence(reader) ?? expected);
                }

                var follows = previousSequence is null
                    ? line.Sequence >= 1 && (line.Sequence > 1 || line.PreviousHash == AuditEvent.GenesisHash)
                    : line.Sequence == expected && line.PreviousHash == previousHash;
                var hash = AuditChain.HashOf(line.Sequence, line.Time, line.Actor, line.Action, line.SubjectType, line.SubjectId, line.Detail, line.PreviousHash);
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

    private static long? TrySequence(DbDataReader reader)
    {
        try
        {
            return Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static bool TryRead(DbDataReader reader, out StoredLine line)
    {
        line = default;
        try
        {
            var time = reader.GetValue(1) switch
            {
                DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
                DateTimeOffset value => value,
                string text => new DateTimeOffset(DateTime.SpecifyKind(
                    DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc)),
                _ => throw new FormatException("Unreadable time."),
            };
            string? actor = reader.IsDBNull(2) ? null : Guid.Parse(Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture)!).ToString("D");
            line = new StoredLine(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                time,
                actor,
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8));
            return true;
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    private readonly record struct StoredLine(
        long Sequence, DateTimeOffset Time, string? Actor, string Action, string SubjectType, string SubjectId, string? Detail, string PreviousHash, string Hash);
}
