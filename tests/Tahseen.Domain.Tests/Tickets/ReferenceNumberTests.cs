using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

public class ReferenceNumberTests
{
    [Fact]
    public void A_reference_number_is_the_prefix_the_year_and_a_six_digit_sequence()
    {
        ReferenceNumber.Create(2026, 123).Value.Should().Be("TH-2026-000123");
    }

    [Fact]
    public void A_sequence_beyond_six_digits_widens_the_number()
    {
        ReferenceNumber.Create(2026, 1_234_567).Value.Should().Be("TH-2026-1234567");
    }

    [Theory]
    [InlineData("TH-2026-000123", 2026, 123)]
    [InlineData("TH-2027-999999", 2027, 999_999)]
    [InlineData("TH-2026-1234567", 2026, 1_234_567)]
    public void A_canonical_reference_number_parses_back_to_its_parts(string text, int year, long sequence)
    {
        ReferenceNumber.TryParse(text, out var parsed).Should().BeTrue();

        parsed.Should().Be(ReferenceNumber.Create(year, sequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TH-2026-00123")]
    [InlineData("th-2026-000123")]
    [InlineData("TH-26-000123")]
    [InlineData("TH-2026-0001234")]
    [InlineData("TH-2026-000000")]
    [InlineData("TH-2026-+00123")]
    [InlineData("TH-2026-00012a")]
    [InlineData(" TH-2026-000123")]
    [InlineData("TH-2026-000123 ")]
    [InlineData("TH-2026_000123")]
    [InlineData("TH-2026-99999999999999999999")]
    public void Anything_but_the_canonical_form_does_not_parse(string? text)
    {
        ReferenceNumber.TryParse(text, out var parsed).Should().BeFalse();
        parsed.Should().BeNull();
    }

    [Fact]
    public void Within_six_digits_the_text_sorts_in_ticket_order()
    {
        var inOrder = new[] { (2026, 9L), (2026, 10L), (2026, 999_999L), (2027, 1L), (2027, 20L) }
            .Select(n => ReferenceNumber.Create(n.Item1, n.Item2))
            .ToArray();

        var shuffled = new[] { inOrder[3], inOrder[1], inOrder[4], inOrder[0], inOrder[2] };

        shuffled.Select(n => n.Value).Order(StringComparer.Ordinal)
            .Should().Equal(inOrder.Select(n => n.Value));
    }

    [Fact]
    public void Comparison_keeps_ticket_order_when_the_sequence_widens()
    {
        var last6Digit = ReferenceNumber.Create(2026, 999_999);
        var first7Digit = ReferenceNumber.Create(2026, 1_000_000);

        (last6Digit < first7Digit).Should().BeTrue();
        new[] { first7Digit, last6Digit }.Order().Should().Equal(last6Digit, first7Digit);
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(999, 1)]
    [InlineData(10_000, 1)]
    public void A_year_outside_four_digits_or_a_sequence_below_one_is_refused(int year, long sequence)
    {
        var act = () => ReferenceNumber.Create(year, sequence);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
