using SkiaSharp;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Identity;

public sealed class PublicIdentityTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task The_published_password_policy_is_the_enforced_one_in_both_languages()
    {
        var policy = await _harness.Identity.GetPasswordPolicyAsync(new GetPasswordPolicyRequest());

        policy.Rules.Select(r => r.Code).Should().Equal(Domain.Identity.PasswordPolicy.Default.Rules.Select(r => r.Code));
        policy.Rules.Select(r => r.Code).Should().Equal(
            "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_NEEDS_LOWERCASE", "PASSWORD_NEEDS_DIGIT", "PASSWORD_HAS_SYMBOL",
            "PASSWORD_NOT_ENGLISH", "PASSWORD_REPEATED_CHARS", "PASSWORD_TOO_COMMON", "PASSWORD_CONTAINS_IDENTITY");
        policy.Rules.Should().OnlyContain(r => r.DescriptionAr.Length > 0 && r.DescriptionEn.Length > 0);
        (policy.MinLength, policy.MaxLength).Should().Be((8, 64));
    }

    [Fact]
    public async Task A_captcha_is_a_real_png_that_expires_in_two_minutes()
    {
        var captcha = await _harness.Identity.CreateCaptchaAsync(new CreateCaptchaRequest());

        using var image = SKBitmap.Decode(captcha.ImagePng.ToByteArray());
        image.Should().NotBeNull();
        image.Width.Should().BeGreaterThan(100);
        captcha.ExpireTime.ToDateTimeOffset().Should().Be(factory.Clock.GetUtcNow().AddMinutes(2));
    }
}
