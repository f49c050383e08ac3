using Tahseen.Application.Identity;

namespace Tahseen.Application.Tests.Captcha;

public sealed class CaptchaTextTests
{
    [Fact]
    public void Default_length_is_five()
    {
        CaptchaText.Generate().Should().HaveLength(5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Uses_the_requested_length(int length)
    {
        CaptchaText.Generate(length).Should().HaveLength(length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_non_positive_length(int length)
    {
        var generate = () => CaptchaText.Generate(length);

        generate.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Uses_only_the_alphabet()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(_ => CaptchaText.Generate()));

        text.Should().Match(t => t.All(CaptchaText.Alphabet.Contains));
    }

    [Fact]
    public void Alphabet_is_upper_case_without_look_alikes()
    {
        CaptchaText.Alphabet.Should().NotContainAny("0", "O", "1", "I", "l", "5", "S", "2", "Z", "8", "B");
        CaptchaText.Alphabet.Should().Be(CaptchaText.Alphabet.ToUpperInvariant());
        CaptchaText.Alphabet.Distinct().Should().HaveCount(CaptchaText.Alphabet.Length);
    }

    [Fact]
    public void Codes_are_not_repeated()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CaptchaText.Generate()).ToList();

        // 26^5 ≈ 11.9 million codes: a handful of collisions in 1000 would already mean a broken generator.
        codes.Distinct().Should().HaveCountGreaterThan(990);
    }
}
