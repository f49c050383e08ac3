using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>
/// The default civil registry adapter: the shipped sample persons (synthetic, with valid check
/// digits), read from the assembly into memory. They are personal data in form, so they are kept out
/// of the database rather than copied into it.
/// </summary>
public sealed class EmbeddedCivilRegistry : ICivilRegistry
{
    private const string Resource = "Tahseen.Infrastructure.CivilRegistry.sample-persons.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly FrozenDictionary<string, RegistryPerson> _persons =
        Load().ToFrozenDictionary(p => p.NationalId, StringComparer.Ordinal);

    /// <summary>Every sample person, ordered by identity number.</summary>
    public IReadOnlyList<CivilRecord> All => _persons.Values.OrderBy(p => p.NationalId, StringComparer.Ordinal).Select(p => p.ToRecord()).ToList();

    public static IReadOnlyList<RegistryPerson> Load()
    {
        using var stream = typeof(EmbeddedCivilRegistry).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        return JsonSerializer.Deserialize<List<RegistryPerson>>(stream, Json)
            ?? throw new InvalidOperationException($"{Resource} is empty.");
    }

    public Task<CivilRecord?> FindAsync(NationalId nationalId, CancellationToken cancellationToken) =>
        Task.FromResult(_persons.TryGetValue(nationalId.Value, out var person) ? person.ToRecord() : null);
}
