using SkiaSharp;
using Tahseen.Application.Identity;
using Tahseen.Infrastructure.CaptchaImages;

namespace Tahseen.Application.Tests.Captcha;

public sealed class SkiaCaptchaRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SkiaCaptchaRenderer _renderer = new();

    [Fact]
    public void Renders_a_png_of_the_expected_size()
    {
        var png = _renderer.RenderPng("AC3K7");

        png.Should().StartWith(PngSignature);
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull();
        bitmap.Width.Should().Be(200);
        bitmap.Height.Should().Be(70);
    }

    [Fact]
    public void Image_shows_dark_text_on_a_light_background()
    {
        using var bitmap = SKBitmap.Decode(_renderer.RenderPng("MWQ94"));

        var pixels = bitmap.Pixels;
        var dark = pixels.Count(p => Luminance(p) < 110);
        var darkShare = (double)dark / pixels.Length;

        pixels.Distinct().Count().Should().BeGreaterThan(50, "a gradient, coloured glyphs and noise give many colours");
        darkShare.Should().BeInRange(0.08, 0.45, "the glyphs and lines cover a visible but minor part of the image");
    }

    [Fact]
    public void Same_text_renders_differently_each_time()
    {
        var first = _renderer.RenderPng("HJK34");
        var second = _renderer.RenderPng("HJK34");

        second.Should().NotEqual(first);
    }

    [Fact]
    public async Task Renders_concurrently()
    {
        var tasks = Enumerable.Range(0, 32)
            .Select(_ => Task.Run(() => _renderer.RenderPng(CaptchaText.Generate())))
            .ToArray();

        var images = await Task.WhenAll(tasks);

        foreach (var png in images)
        {
            using var bitmap = SKBitmap.Decode(png);
            bitmap.Should().NotBeNull();
            bitmap.Width.Should().Be(200);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("ACDEFGHJK")]
    public void Rejects_text_that_cannot_be_shown(string text)
    {
        var render = () => _renderer.RenderPng(text);

        render.Should().Throw<ArgumentException>();
    }

    private static double Luminance(SKColor c) => (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
}
