using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tahseen.Domain.Audit;

namespace Tahseen.Infrastructure.Audit;

/// <summary>The canonical form of an audit line and its SHA-256, shared by the writer and the verifier.</summary>
public static class AuditChain
{
    public static string HashOf(AuditEvent e) =>
        HashOf(e.Sequence, e.Time, e.ActorAccountId?.ToString("D"), e.Action, e.SubjectType, e.SubjectId, e.Detail, e.PreviousHash);

    /// <summary>
    /// A JSON array of the fields in a fixed order (time as UTC ticks, ids in "D" form): unambiguous,
    /// so no two different lines share a canonical form.
    /// </summary>
    public static string HashOf(
        long sequence, DateTimeOffset time, string? actorAccountId, string action, string subjectType, string subjectId, string? detail, string previousHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            "v1", sequence, time.UtcTicks, actorAccountId, action, subjectType, subjectId, detail, previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>"LoginFailed" → "LOGIN_FAILED".</summary>
    public static string UpperSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }
}
