using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Notifications;

namespace Tahseen.Application.Identity;

/// <summary>
/// Issues and checks one-time codes: a CSPRNG code, kept only as a keyed hash bound to its challenge,
/// sent through the SMS outbox in the caller's transaction, within an hourly budget. Every count here
/// (the budget, the tries, the completion) is one conditional UPDATE, so overlapping requests can
/// neither overshoot a limit nor both complete a challenge.
/// </summary>
public sealed class OneTimeCodes(
    IApplicationDbContext db, UnitOfWork unitOfWork, IKeyedHasher hasher, IOptions<OneTimeCodeOptions> options, TimeProvider clock)
{
    /// <summary>The anonymous budget (registration, reset) of a mobile.</summary>
    public static string MobileBudget(string mobileNumber) => "mobile:" + mobileNumber;

    /// <summary>The sign-in budget of an account, apart from its mobile's anonymous budget.</summary>
    public static string AccountBudget(Guid accountId) => "account:" + accountId.ToString("N");

    /// <summary>
    /// Sets a fresh code on the challenge, queues its SMS and saves everything pending, in one transaction
    /// with the spend from <paramref name="budget"/>: RATE_LIMITED when it is spent, OTP_RESEND_TOO_SOON when
    /// a concurrent resend of the same challenge won.
    /// </summary>
    public async Task IssueAndSaveAsync(OtpChallenge challenge, string? nationalId, string budget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        challenge.IssueCode(HashOf(challenge, code), now);
        db.SmsOutbox.Add(new SmsOutboxMessage(
            challenge.MobileNumber,
            SmsTexts.OneTimeCode(challenge.Purpose, code, SmsTexts.WantsEnglish(nationalId)),
            SmsKind.OneTimeCode,
            now));
        try
        {
            await SaveSpendingAsync(budget, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new TahseenException(ErrorReason.OtpResendTooSoon, innerException: exception)
            {
                RetryAfter = OtpChallenge.ResendDelay,
            };
        }
    }

    /// <summary>
    /// Spends from the budget and saves what is pending, sending nothing: a reset for an identity without
    /// an account costs what a real one does, so neither the answer nor the limit tells them apart.
    /// </summary>
    public Task SaveSpendingWithoutSendingAsync(string budget, CancellationToken cancellationToken) =>
        SaveSpendingAsync(budget, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Spends one try of the challenge, then compares the code: a wrong, expired or exhausted code throws
    /// (the try stays spent). A right code returns holding its try; the caller then completes the challenge
    /// with <see cref="CompleteAsync"/>, or gives the try back with <see cref="RefundTryAsync"/> when the
    /// request fails for a reason that is not the code.
    /// </summary>
    public async Task VerifyAsync(OtpChallenge challenge, string code, ErrorReason notFound, CancellationToken cancellationToken)
    {
        var outcome = challenge.Check(HashOf(challenge, Digits.ToAscii(code.Trim())), clock.GetUtcNow());
        if (outcome is OtpVerification.Expired or OtpVerification.AttemptsExceeded)
        {
            throw new TahseenException(ReasonOf(outcome));
        }

        // The try is taken before the comparison counts, by one conditional update: of any number of
        // concurrent guesses at most MaxWrongAttempts are ever compared.
        var codeHash = challenge.CodeHash;
        var tried = await db.OtpChallenges
            .Where(c => c.Id == challenge.Id && c.CodeHash == codeHash && c.CompleteTime == null && c.WrongAttempts < OtpChallenge.MaxWrongAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WrongAttempts, c => c.WrongAttempts + 1), cancellationToken);
        if (tried == 1 && outcome == OtpVerification.Accepted)
        {
            return;
        }

        var current = await db.OtpChallenges.AsNoTracking()
            .Where(c => c.Id == challenge.Id)
            .Select(c => new { c.WrongAttempts, c.CompleteTime })
            .FirstAsync(cancellationToken);
        throw new TahseenException(
            current.CompleteTime is not null ? notFound
            : current.WrongAttempts >= OtpChallenge.MaxWrongAttempts ? ErrorReason.OtpAttemptsExceeded
            : ErrorReason.OtpInvalid);
    }

    /// <summary>
    /// Completes the challenge within the caller's transaction, by a conditional update: of concurrent
    /// requests that all held the right code, exactly one completes it; the others get <paramref name="notFound"/>.
    /// </summary>
    public async Task CompleteAsync(OtpChallenge challenge, ErrorReason notFound, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var completed = await db.OtpChallenges
            .Where(c => c.Id == challenge.Id && c.CompleteTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CompleteTime, now), cancellationToken);
        if (completed == 0)
        {
            throw new TahseenException(notFound);
        }
    }

    /// <summary>A right code whose request failed on something else (a taken username) does not count as a try.</summary>
    public Task RefundTryAsync(OtpChallenge challenge, CancellationToken cancellationToken) =>
        db.OtpChallenges
            .Where(c => c.Id == challenge.Id && c.CompleteTime == null && c.WrongAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WrongAttempts, c => c.WrongAttempts - 1), cancellationToken);

    private async Task SaveSpendingAsync(string budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = hasher.Hash("code-budget:" + budget);
        var max = options.Value.MaxPerHour;
        var windowOpenBefore = now - CodeBudget.Window;
        for (var attempt = 0; ; attempt++)
        {
            var spent = await db.CodeBudgets
                .Where(b => b.Key == key && (b.WindowStart <= windowOpenBefore || b.Count < max))
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(b => b.Count, b => b.WindowStart <= windowOpenBefore ? 1 : b.Count + 1)
                        .SetProperty(b => b.WindowStart, b => b.WindowStart <= windowOpenBefore ? now : b.WindowStart),
                    cancellationToken);
            CodeBudget? started = null;
            if (spent == 0)
            {
                var windowStart = await db.CodeBudgets.AsNoTracking()
                    .Where(b => b.Key == key)
                    .Select(b => (DateTimeOffset?)b.WindowStart)
                    .FirstOrDefaultAsync(cancellationToken);
                if (windowStart is { } start)
                {
                    throw new TahseenException(ErrorReason.RateLimited) { RetryAfter = start + CodeBudget.Window - now };
                }

                started = CodeBudget.StartedBy(key, now);
                db.CodeBudgets.Add(started);
            }

            try
            {
                await unitOfWork.WriteAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (started is not null && attempt == 0)
            {
                // A concurrent request created the budget first; spend from it by the conditional update. The
                // failed save rolled back to its own savepoint, so the command's transaction goes on.
                db.CodeBudgets.Entry(started).State = EntityState.Detached;
            }
        }
    }

    private static ErrorReason ReasonOf(OtpVerification outcome) => outcome switch
    {
        OtpVerification.Expired => ErrorReason.OtpExpired,
        OtpVerification.AttemptsExceeded => ErrorReason.OtpAttemptsExceeded,
        _ => ErrorReason.OtpInvalid,
    };

    private string HashOf(OtpChallenge challenge, string code) => hasher.Hash($"otp:{challenge.Id:N}:{code}");
}
