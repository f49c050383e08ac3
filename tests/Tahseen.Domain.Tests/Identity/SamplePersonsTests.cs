using System.Globalization;
using System.Text.Json;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

/// <summary>The civil-registry sample data ships with the product, so its identities must pass the same rules as real input.</summary>
public class SamplePersonsTests
{
    private static readonly IReadOnlyList<SamplePerson> Persons = LoadSamplePersons();

    [Fact]
    public void Sample_has_a_few_hundred_citizens_and_residents()
    {
        Persons.Should().HaveCountGreaterThanOrEqualTo(300);
        Persons.Should().Contain(p => p.NationalId.StartsWith('1'));
        Persons.Should().Contain(p => p.NationalId.StartsWith('2'));
    }

    [Fact]
    public void Every_sample_person_has_a_valid_national_id()
    {
        var invalid = Persons.Where(p => !NationalId.TryParse(p.NationalId, out var id) || id.Value != p.NationalId);

        invalid.Select(p => p.NationalId).Should().BeEmpty();
    }

    [Fact]
    public void Every_sample_person_has_a_valid_mobile_number_in_E164()
    {
        var invalid = Persons.Where(p => !MobileNumber.TryParse(p.MobileNumber, out var mobile) || mobile.Value != p.MobileNumber);

        invalid.Select(p => p.MobileNumber).Should().BeEmpty();
    }

    [Fact]
    public void Sample_national_ids_and_mobile_numbers_are_unique()
    {
        Persons.Select(p => p.NationalId).Should().OnlyHaveUniqueItems();
        Persons.Select(p => p.MobileNumber).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Sample_statuses_and_birth_dates_are_well_formed()
    {
        Persons.Should().OnlyContain(p => p.Status == "Active" || p.Status == "IqamaExpired" || p.Status == "Deceased");
        Persons.Where(p => p.Status == "IqamaExpired").Should().OnlyContain(p => p.NationalId.StartsWith('2'));
        Persons.Where(p => !IsIsoDate(p.DateOfBirth)).Select(p => p.DateOfBirth).Should().BeEmpty();
        Persons.Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.FullNameAr) && !string.IsNullOrWhiteSpace(p.FullNameEn));
    }

    private static List<SamplePerson> LoadSamplePersons()
    {
        var path = Path.Combine(FindRepositoryRoot(), "src", "Tahseen.Infrastructure", "CivilRegistry", "sample-persons.json");
        return JsonSerializer.Deserialize<List<SamplePerson>>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{path} holds no persons.");
    }

    private static bool IsIsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tahseen.Grpc.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Tahseen.Grpc.sln not found above the test output directory.");
    }

    private sealed record SamplePerson(
        string NationalId,
        string FullNameAr,
        string FullNameEn,
        string MobileNumber,
        string Status,
        string DateOfBirth);
}
