namespace Tahseen.Infrastructure.Security;

/// <summary>A generated Development key, kept in the database so replicas and restarts share it.</summary>
public sealed class StoredSecret
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public DateTimeOffset CreateTime { get; init; }
}
