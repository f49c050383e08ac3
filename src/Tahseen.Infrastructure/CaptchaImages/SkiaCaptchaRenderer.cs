using System.Runtime.InteropServices;
using SkiaSharp;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.CaptchaImages;

/// <summary>
/// Draws the visual code with SkiaSharp. Stateless apart from the shared typeface, so one instance
/// serves all requests. The jitter uses <see cref="Random.Shared"/>: it only has to defeat OCR, the
/// secret is the text, which comes from the CSPRNG.
/// </summary>
public sealed class SkiaCaptchaRenderer : ICaptchaRenderer
{
    public const int Width = 200;
    public const int Height = 70;
    public const int MaxLength = 8;

    private const string FontResource = "Tahseen.Infrastructure.CaptchaImages.Fonts.DejaVuSans-Bold.ttf";
    private const float Margin = 10f;

    // Shipped with the assembly: production hosts are bare containers without system fonts.
    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    public byte[] RenderPng(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, MaxLength, nameof(text));

        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var drawn = new SKBitmap(info);
        using (var canvas = new SKCanvas(drawn))
        {
            DrawBackground(canvas);
            DrawCharacters(canvas, text.ToUpperInvariant());
            DrawStrikeLines(canvas);
            DrawNoise(canvas);
        }

        using var waved = new SKBitmap(info);
        Wave(drawn, waved);
        using var png = waved.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static SKTypeface LoadTypeface()
    {
        var stream = typeof(SkiaCaptchaRenderer).Assembly.GetManifestResourceStream(FontResource)
            ?? throw new InvalidOperationException($"Embedded font '{FontResource}' is missing.");
        // The typeface takes ownership of the stream.
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Embedded font '{FontResource}' could not be read.");
    }

    private static void DrawBackground(SKCanvas canvas)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, Next(0, Height)),
            new SKPoint(Width, Next(0, Height)),
            [LightColor(), LightColor()],
            SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, Width, Height, paint);
    }

    private static void DrawCharacters(SKCanvas canvas, string text)
    {
        using var font = new SKFont(Typeface.Value) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { IsAntialias = true };
        var slot = (Width - (2 * Margin)) / text.Length;

        for (var i = 0; i < text.Length; i++)
        {
            font.Size = Next(34, 42);
            paint.Color = DarkColor();
            var glyph = text[i].ToString();
            font.MeasureText(glyph, out var bounds);

            canvas.Save();
            canvas.Translate(Margin + (slot * (i + 0.5f)) + Next(-3, 3), (Height / 2f) + Next(-6, 6));
            canvas.RotateDegrees(Next(-25, 25));
            canvas.Skew(Next(-0.25f, 0.25f), 0);
            // Centre the glyph's ink box on the origin so rotation pivots around the character itself.
            canvas.DrawText(glyph, -bounds.MidX, -bounds.MidY, SKTextAlign.Left, font, paint);
            canvas.Restore();
        }
    }

    private static void DrawStrikeLines(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        var lines = Random.Shared.Next(2, 4);
        for (var i = 0; i < lines; i++)
        {
            paint.Color = DarkColor().WithAlpha((byte)Random.Shared.Next(170, 230));
            paint.StrokeWidth = Next(1.5f, 3f);
            using var path = new SKPath();
            path.MoveTo(Next(0, Margin), Next(15, Height - 15));
            path.CubicTo(
                Next(40, 90), Next(-10, Height + 10),
                Next(110, 160), Next(-10, Height + 10),
                Next(Width - Margin, Width), Next(15, Height - 15));
            canvas.DrawPath(path, paint);
        }
    }

    private static void DrawNoise(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 150; i++)
        {
            paint.Color = Random.Shared.Next(2) == 0 ? DarkColor() : LightColor();
            canvas.DrawCircle(Next(0, Width), Next(0, Height), Next(0.6f, 1.6f), paint);
        }
    }

    // A sine displacement bends the baseline and strokes, which defeats straight-line segmentation.
    // Sampling is bilinear: whole-pixel shifts would leave visible stair steps on every stroke.
    private static void Wave(SKBitmap source, SKBitmap target)
    {
        var src = MemoryMarshal.Cast<byte, uint>(source.GetPixelSpan());
        var dst = MemoryMarshal.Cast<byte, uint>(target.GetPixelSpan());
        var amplitudeY = Next(2f, 4f);
        var amplitudeX = Next(1f, 2f);
        var periodX = Next(60f, 100f);
        var periodY = Next(30f, 50f);
        var phaseX = Next(0f, MathF.Tau);
        var phaseY = Next(0f, MathF.Tau);

        for (var y = 0; y < Height; y++)
        {
            var dx = amplitudeX * MathF.Sin((MathF.Tau * y / periodY) + phaseY);
            for (var x = 0; x < Width; x++)
            {
                var dy = amplitudeY * MathF.Sin((MathF.Tau * x / periodX) + phaseX);
                dst[(y * Width) + x] = Sample(src, x + dx, y + dy);
            }
        }
    }

    private static uint Sample(ReadOnlySpan<uint> pixels, float x, float y)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        float fx = x - x0, fy = y - y0;

        var topLeft = pixels[(y0 * Width) + x0];
        var topRight = pixels[(y0 * Width) + x1];
        var bottomLeft = pixels[(y1 * Width) + x0];
        var bottomRight = pixels[(y1 * Width) + x1];

        uint result = 0;
        // Channels are independent bytes of premultiplied RGBA, so each is blended on its own.
        for (var shift = 0; shift < 32; shift += 8)
        {
            var top = Lerp(Channel(topLeft, shift), Channel(topRight, shift), fx);
            var bottom = Lerp(Channel(bottomLeft, shift), Channel(bottomRight, shift), fx);
            result |= (uint)MathF.Round(Lerp(top, bottom, fy)) << shift;
        }

        return result;
    }

    private static float Channel(uint pixel, int shift) => (pixel >> shift) & 0xFF;

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);

    private static SKColor LightColor() =>
        SKColor.FromHsv(Next(0, 360), Next(5, 20), Next(88, 100));

    private static SKColor DarkColor() =>
        SKColor.FromHsv(Next(0, 360), Next(50, 90), Next(20, 45));

    private static float Next(float min, float max) => min + (Random.Shared.NextSingle() * (max - min));
}
