using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>Checks a captcha answer: one guess per image, compared case-insensitively by keyed hash.</summary>
public sealed class Captchas(IApplicationDbContext db, IKeyedHasher hasher, TimeProvider clock)
{
    public string HashAnswer(string answer) => hasher.Hash("captcha:" + Digits.ToAscii(answer.Trim()).ToUpperInvariant());

    /// <summary>Uses the captcha up and throws CAPTCHA_INVALID unless it was live and answered right.</summary>
    public async Task VerifyAsync(string captchaId, string answer, CancellationToken cancellationToken)
    {
        var captcha = Guid.TryParse(captchaId, out var id) ? await db.Captchas.FindAsync([id], cancellationToken) : null;
        var answered = captcha is not null && captcha.TryAnswer(HashAnswer(answer), clock.GetUtcNow());

        // Saved now, right or wrong, so that the same image cannot be tried twice even if a later check fails.
        await db.SaveChangesAsync(cancellationToken);
        if (!answered)
        {
            throw new TahseenException(ErrorReason.CaptchaInvalid);
        }
    }
}
