using System.Collections.Frozen;
using System.Text.Json;
using Tahseen.Domain.Common;

namespace Tahseen.Infrastructure.Outbox;

/// <summary>
/// The stored name of each domain event type and its JSON form. Names are the record names, so a
/// renamed event would orphan stored rows: treat them like contract names.
/// </summary>
public static class DomainEventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(DomainEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static string NameOf(DomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(DomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    public static DomainEvent Deserialize(string eventType, string payload) =>
        ByName.TryGetValue(eventType, out var type)
            ? (DomainEvent)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"Empty {eventType} payload."))
            : throw new JsonException($"Unknown domain event type '{eventType}'.");
}
