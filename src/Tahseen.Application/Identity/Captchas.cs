using Microsoft.EntityFrameworkCore;
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
        if (!Guid.TryParse(captchaId, out var id))
        {
            throw new TahseenException(ErrorReason.CaptchaInvalid);
        }

        // Used up by one conditional update before the answer is compared, right or wrong: of any number
        // of concurrent requests presenting the same image, exactly one gets to guess.
        var now = clock.GetUtcNow();
        var consumed = await db.Captchas
            .Where(c => c.Id == id && c.ConsumeTime == null && c.ExpireTime > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumeTime, now), cancellationToken);
        var captcha = consumed == 1
            ? await db.Captchas.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        if (captcha is null || !captcha.IsAnsweredBy(HashAnswer(answer)))
        {
            throw new TahseenException(ErrorReason.CaptchaInvalid);
        }
    }
}
