using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public sealed class AccountAndChallengeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_fifth_consecutive_wrong_password_locks_the_account_for_fifteen_minutes()
    {
        var account = Citizen();
        for (var attempt = 1; attempt < Account.MaxFailedSignIns; attempt++)
        {
            account.RecordFailedSignIn(Now).Should().BeFalse();
        }

        account.RecordFailedSignIn(Now).Should().BeTrue();

        account.IsLockedOut(Now.AddMinutes(14)).Should().BeTrue();
        FluentActions.Invoking(() => account.EnsureCanSignIn(Now.AddMinutes(14)))
            .Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.AccountLocked);
        account.IsLockedOut(Now.AddMinutes(15)).Should().BeFalse();
    }

    [Fact]
    public void A_failure_after_an_expired_lock_starts_a_new_count()
    {
        var account = Citizen();
        for (var attempt = 0; attempt < Account.MaxFailedSignIns; attempt++)
        {
            account.RecordFailedSignIn(Now);
        }

        account.RecordFailedSignIn(Now.AddMinutes(20)).Should().BeFalse();
        account.IsLockedOut(Now.AddMinutes(20)).Should().BeFalse();
    }

    [Fact]
    public void A_disabled_account_cannot_sign_in_and_its_stamp_changes()
    {
        var account = Citizen();
        var stamp = account.SecurityStamp;

        account.SetStatus(AccountStatus.Disabled, Now);

        account.SecurityStamp.Should().NotBe(stamp);
        FluentActions.Invoking(() => account.EnsureCanSignIn(Now))
            .Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.AccountDisabled);
    }

    [Fact]
    public void A_password_change_rotates_the_stamp_but_a_rehash_does_not()
    {
        var account = Citizen();
        var stamp = account.SecurityStamp;

        account.UpgradePasswordHash("stronger");
        account.SecurityStamp.Should().Be(stamp);

        account.ChangePassword("new", Now);
        account.SecurityStamp.Should().NotBe(stamp);
    }

    [Fact]
    public void Staff_accounts_need_a_staff_or_admin_role_and_never_the_citizen_role()
    {
        var mobile = MobileNumber.Parse("0590000101");
        FluentActions.Invoking(() => Account.CreateStaff(Username.Parse("staff.one"), "Staff", mobile, "hash", AccountRoles.Citizen, Now))
            .Should().Throw<TahseenException>();
        FluentActions.Invoking(() => Account.CreateStaff(Username.Parse("staff.one"), "Staff", mobile, "hash", AccountRoles.Staff | AccountRoles.Citizen, Now))
            .Should().Throw<TahseenException>();
        Account.CreateStaff(Username.Parse("staff.one"), "Staff", mobile, "hash", AccountRoles.Staff, Now).IsStaff.Should().BeTrue();
    }

    [Fact]
    public void A_code_is_accepted_by_its_hash_until_it_expires()
    {
        var challenge = Challenge();
        challenge.IssueCode("right", Now);

        challenge.Verify("right", Now.AddMinutes(4)).Should().Be(OtpVerification.Accepted);
        challenge.Verify("right", Now.AddMinutes(5)).Should().Be(OtpVerification.Expired);
    }

    [Fact]
    public void The_fifth_wrong_code_kills_the_code()
    {
        var challenge = Challenge();
        challenge.IssueCode("right", Now);

        for (var attempt = 1; attempt < OtpChallenge.MaxWrongAttempts; attempt++)
        {
            challenge.Verify("wrong", Now).Should().Be(OtpVerification.Invalid);
        }

        challenge.Verify("wrong", Now).Should().Be(OtpVerification.AttemptsExceeded);
        challenge.Verify("right", Now).Should().Be(OtpVerification.AttemptsExceeded);
    }

    [Fact]
    public void A_new_code_waits_sixty_seconds_and_restores_the_tries()
    {
        var challenge = Challenge();
        challenge.IssueCode("first", Now);
        challenge.Verify("wrong", Now);

        FluentActions.Invoking(() => challenge.IssueCode("second", Now.AddSeconds(59)))
            .Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.OtpResendTooSoon);

        challenge.IssueCode("second", Now.AddSeconds(60));
        challenge.WrongAttempts.Should().Be(0);
        challenge.Verify("first", Now.AddSeconds(61)).Should().Be(OtpVerification.Invalid);
        challenge.Verify("second", Now.AddSeconds(61)).Should().Be(OtpVerification.Accepted);
    }

    [Fact]
    public void A_reset_for_an_unknown_identity_accepts_no_code()
    {
        var challenge = OtpChallenge.ForPasswordReset(null, MobileNumber.Parse("0500000001"), Now);
        challenge.IssueCode(string.Empty, Now);

        challenge.Verify(string.Empty, Now).Should().Be(OtpVerification.Invalid);
    }

    [Fact]
    public void A_captcha_buys_one_guess_and_expires_after_two_minutes()
    {
        var captcha = new Captcha("hash", null, Now);

        captcha.TryAnswer("hash", Now.AddMinutes(1)).Should().BeTrue();
        captcha.TryAnswer("hash", Now.AddMinutes(1)).Should().BeFalse();
        new Captcha("hash", null, Now).TryAnswer("hash", Now.AddMinutes(2)).Should().BeFalse();
    }

    [Fact]
    public void A_wrong_captcha_answer_uses_the_captcha_up()
    {
        var captcha = new Captcha("hash", null, Now);

        captcha.TryAnswer("other", Now).Should().BeFalse();
        captcha.TryAnswer("hash", Now).Should().BeFalse();
    }

    private static Account Citizen() => Account.RegisterCitizen(
        Username.Parse("citizen.one"), NationalId.Parse("1000000008"), "محمد", MobileNumber.Parse("0500000001"), null, "hash", "2026.1", Now);

    private static OtpChallenge Challenge() =>
        OtpChallenge.ForRegistration(NationalId.Parse("1000000008"), MobileNumber.Parse("0500000001"), null, Now);
}
