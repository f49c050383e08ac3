using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>Loads the shipped sample persons (synthetic, with valid check digits) once.</summary>
internal sealed class SamplePersonsSeeder : IDataSeeder
{
    private const string Resource = "Tahseen.Infrastructure.CivilRegistry.sample-persons.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public int Order => 2;

    public static IReadOnlyList<RegistryPerson> Load()
    {
        using var stream = typeof(SamplePersonsSeeder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        return JsonSerializer.Deserialize<List<RegistryPerson>>(stream, Json)
            ?? throw new InvalidOperationException($"{Resource} is empty.");
    }

    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        if (await db.RegistryPersons.AnyAsync(cancellationToken))
        {
            return;
        }

        db.RegistryPersons.AddRange(Load());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica loaded them at the same moment.
            db.ChangeTracker.Clear();
        }
    }
}
