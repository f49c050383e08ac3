using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("1234567808", "1*******08")]
    [InlineData("2000000006", "2*******06")]
    [InlineData("12345", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void National_id_keeps_its_first_digit_and_last_two(string? value, string masked) =>
        PersonalDataMask.NationalId(value).Should().Be(masked);

    [Theory]
    [InlineData("+966512345123", "+9665*****123")]
    [InlineData("+966598765432", "+9665*****432")]
    [InlineData("+96651", "***")]
    public void Mobile_keeps_the_country_code_the_5_and_the_last_three_digits(string value, string masked) =>
        PersonalDataMask.Mobile(value).Should().Be(masked);

    [Theory]
    [InlineData("ahmed@example.com", "a***@example.com")]
    [InlineData("a@example.com", "a***@example.com")]
    [InlineData("نورة@example.sa", "ن***@example.sa")]
    [InlineData("not-an-address", "***")]
    [InlineData("@example.com", "***")]
    [InlineData("", "")]
    public void Email_keeps_the_first_character_and_the_domain(string value, string masked) =>
        PersonalDataMask.Email(value).Should().Be(masked);

    [Theory]
    [InlineData("Noura Abdullah Alsaleh", "Noura A. A.")]
    [InlineData("محمد عبدالله السالم", "محمد ع. ا.")]
    [InlineData("  Fahad   Alqahtani ", "Fahad A.")]
    [InlineData("Reem", "Reem")]
    [InlineData("   ", "")]
    public void Name_keeps_the_first_name_and_the_initials_of_the_others(string value, string masked) =>
        PersonalDataMask.Name(value).Should().Be(masked);

    [Fact]
    public void Every_mask_hides_the_value_it_was_given()
    {
        PersonalDataMask.NationalId("1098765432").Should().NotContain("0987654");
        PersonalDataMask.Mobile("+966551234567").Should().NotContain("123");
        PersonalDataMask.Email("someone.private@example.com").Should().NotContain("someone.private");
    }

    [Theory]
    [InlineData("Calling about 1234567808 today", "Calling about 1*******08 today")]
    [InlineData("Call +966 51 234 5123 back", "Call +*************23 back")]
    [InlineData("Call ٠٥١٢٣٤٥١٢٣", "Call ٠*******٢٣")]
    [InlineData("write to ahmed@example.com please", "write to a***@example.com please")]
    [InlineData("Follow-up of 2026-11-29, ticket TS-000123", "Follow-up of 2026-11-29, ticket TS-000123")]
    [InlineData("", "")]
    public void Scrub_masks_identifiers_in_free_text_and_leaves_dates_and_references(string text, string scrubbed) =>
        PersonalDataMask.Scrub(text).Should().Be(scrubbed);
}
