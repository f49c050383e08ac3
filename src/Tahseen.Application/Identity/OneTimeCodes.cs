using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Privacy;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;

namespace Tahseen.Application.Identity;

/// <summary>
/// Issues and checks one-time codes: a CSPRNG code, kept only as a keyed hash bound to its challenge,
/// sent through the SMS outbox in the caller's transaction, at most 5 a mobile an hour.
/// </summary>
public sealed class OneTimeCodes(IApplicationDbContext db, IPersonalDataLookup lookup, IKeyedHasher hasher, TimeProvider clock)
{
    public const int MaxCodesPerMobilePerHour = 5;

    /// <summary>Sets a fresh code on the challenge and queues its SMS; the caller saves.</summary>
    public async Task IssueAsync(OtpChallenge challenge, string? nationalId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var sentThisHour = await db.SmsOutbox
            .Matching(lookup.MobileNumber(challenge.MobileNumber))
            .CountAsync(m => m.Kind == SmsKind.OneTimeCode && m.CreateTime > hourAgo, cancellationToken);
        if (sentThisHour >= MaxCodesPerMobilePerHour)
        {
            throw new TahseenException(ErrorReason.RateLimited);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        challenge.IssueCode(HashOf(challenge, code), now);
        db.SmsOutbox.Add(new SmsOutboxMessage(
            challenge.MobileNumber,
            SmsTexts.OneTimeCode(challenge.Purpose, code, SmsTexts.WantsEnglish(nationalId)),
            SmsKind.OneTimeCode,
            now));
    }

    /// <summary>
    /// Checks a code. A wrong one is counted and saved before the error is raised, so a failing request
    /// still spends a try.
    /// </summary>
    public async Task VerifyAsync(OtpChallenge challenge, string code, CancellationToken cancellationToken)
    {
        var outcome = challenge.Verify(HashOf(challenge, Digits.ToAscii(code.Trim())), clock.GetUtcNow());
        if (outcome == OtpVerification.Accepted)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        throw new TahseenException(outcome switch
        {
            OtpVerification.Expired => ErrorReason.OtpExpired,
            OtpVerification.AttemptsExceeded => ErrorReason.OtpAttemptsExceeded,
            _ => ErrorReason.OtpInvalid,
        });
    }

    private string HashOf(OtpChallenge challenge, string code) => hasher.Hash($"otp:{challenge.Id:N}:{code}");
}
