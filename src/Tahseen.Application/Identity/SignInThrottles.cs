using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>
/// Prices password guesses per login key (see <see cref="SignInThrottle"/>): an attempt is counted by a
/// conditional UPDATE before its password is checked, so a burst of concurrent guesses pays for every
/// guess; a success deletes the key's row. Used by Login and ChangePassword alike.
/// </summary>
public sealed class SignInThrottles(IApplicationDbContext db, UnitOfWork unitOfWork, IKeyedHasher hasher, Captchas captchas, TimeProvider clock)
{
    /// <summary>
    /// The key of a login as typed: a national ID in any digits, or a username in any case. Computed the
    /// same way whether or not an account has that login.
    /// </summary>
    public string KeyOf(string login)
    {
        var trimmed = login.Trim();
        var normalized = NationalId.TryParse(trimmed, out var nationalId) ? nationalId.Value : trimmed.ToLowerInvariant();
        return hasher.Hash("sign-in:" + normalized);
    }

    /// <summary>
    /// Counts one attempt of <paramref name="key"/>, or refuses it: ACCOUNT_LOCKED while the key is locked,
    /// CAPTCHA_REQUIRED once the free failures are used and no captcha came with the attempt,
    /// CAPTCHA_INVALID when the captcha was wrong. The attempt stays counted until <see cref="ResetAsync"/>.
    /// </summary>
    public async Task CountAttemptAsync(string key, string? captchaId, string? captchaAnswer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await TryCountFreeAttemptAsync(key, now, cancellationToken))
        {
            return;
        }

        await EnsureNotLockedOutAsync(key, now, cancellationToken);
        if (string.IsNullOrWhiteSpace(captchaId))
        {
            throw new TahseenException(ErrorReason.CaptchaRequired);
        }

        await captchas.VerifyAsync(captchaId, captchaAnswer ?? string.Empty, cancellationToken);

        // The attempt that reaches the limit sets the lock as it is counted; if its password is right,
        // ResetAsync lifts it. A lock that has run out starts a new captcha-backed count.
        var lockUntil = now + SignInThrottle.LockoutDuration;
        var counted = await db.SignInThrottles
            .Where(t => t.Key == key && (t.LockoutEnd == null || t.LockoutEnd <= now))
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(t => t.FailureCount, t => t.FailureCount + 1)
                    .SetProperty(t => t.CaptchaFailureCount, t => t.LockoutEnd != null ? 1 : t.CaptchaFailureCount + 1)
                    .SetProperty(
                        t => t.LockoutEnd,
                        t => t.LockoutEnd == null && t.CaptchaFailureCount + 1 >= SignInThrottle.MaxCaptchaFailures
                            ? lockUntil
                            : (DateTimeOffset?)null)
                    .SetProperty(t => t.UpdateTime, now),
                cancellationToken);
        if (counted == 0)
        {
            // Locked (or, after a concurrent success, gone) since it was read: answer from what it is now.
            await EnsureNotLockedOutAsync(key, now, cancellationToken);
            await CountAttemptAsync(key, captchaId: null, captchaAnswer: null, cancellationToken);
        }
    }

    /// <summary>Whether the key's next attempt is free (no captcha needed), as the database says now; counts nothing.</summary>
    public Task<bool> HasFreeAttemptAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.AsNoTracking().AllAsync(t => t.Key != key || t.FailureCount < SignInThrottle.FreeFailures, cancellationToken);

    /// <summary>Whether the key is locked now; asked after a failure, to record the lock in the security log.</summary>
    public Task<bool> IsLockedOutAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.SignInThrottles.AnyAsync(t => t.Key == key && t.LockoutEnd > now, cancellationToken);
    }

    /// <summary>A right password: the key starts afresh.</summary>
    public Task ResetAsync(string key, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);

    private async Task<bool> TryCountFreeAttemptAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counted = await db.SignInThrottles
                .Where(t => t.Key == key && t.FailureCount < SignInThrottle.FreeFailures)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailureCount, t => t.FailureCount + 1).SetProperty(t => t.UpdateTime, now), cancellationToken);
            if (counted == 1)
            {
                return true;
            }

            if (await db.SignInThrottles.AnyAsync(t => t.Key == key, cancellationToken))
            {
                return false;
            }

            // The key's first attempt: its row is created by an insert under the primary key, so of
            // concurrent first attempts one creates it and the others count by the update above.
            var first = new SignInThrottle(key, now);
            db.SignInThrottles.Add(first);
            try
            {
                await unitOfWork.WriteAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.SignInThrottles.Entry(first).State = EntityState.Detached;
            }
        }
    }

    private async Task EnsureNotLockedOutAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockoutEnd = await db.SignInThrottles.AsNoTracking()
            .Where(t => t.Key == key)
            .Select(t => t.LockoutEnd)
            .FirstOrDefaultAsync(cancellationToken);
        if (lockoutEnd is { } end && end > now)
        {
            throw new TahseenException(ErrorReason.AccountLocked) { RetryAfter = end - now };
        }
    }
}
