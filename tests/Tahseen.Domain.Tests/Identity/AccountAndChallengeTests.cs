using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Domain.Tests.Identity;

public sealed class AccountAndChallengeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_disabled_account_cannot_sign_in_and_its_stamp_changes()
    {
        var account = Citizen();
        var stamp = account.SecurityStamp;

        account.SetStatus(AccountStatus.Disabled, Now);

        account.SecurityStamp.Should().NotBe(stamp);
        FluentActions.Invoking(account.EnsureCanSignIn)
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

        challenge.Check("right", Now.AddMinutes(4)).Should().Be(OtpVerification.Accepted);
        challenge.Check("wrong", Now.AddMinutes(4)).Should().Be(OtpVerification.Invalid);
        challenge.Check("right", Now.AddMinutes(5)).Should().Be(OtpVerification.Expired);
    }

    [Fact]
    public void A_new_code_waits_sixty_seconds_and_replaces_the_old_one()
    {
        var challenge = Challenge();
        challenge.IssueCode("first", Now);

        FluentActions.Invoking(() => challenge.IssueCode("second", Now.AddSeconds(59)))
            .Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.OtpResendTooSoon);

        challenge.IssueCode("second", Now.AddSeconds(60));
        challenge.WrongAttempts.Should().Be(0);
        challenge.Check("first", Now.AddSeconds(61)).Should().Be(OtpVerification.Invalid);
        challenge.Check("second", Now.AddSeconds(61)).Should().Be(OtpVerification.Accepted);
    }

    [Fact]
    public void A_reset_for_an_unknown_identity_accepts_no_code()
    {
        var challenge = OtpChallenge.ForPasswordReset(null, MobileNumber.Parse("0500000001"), Now);
        challenge.IssueCode(string.Empty, Now);

        challenge.Check(string.Empty, Now).Should().Be(OtpVerification.Invalid);
    }

    [Fact]
    public void A_captcha_is_answered_by_its_hash_and_expires_after_two_minutes()
    {
        var captcha = new Captcha("hash", null, Now);

        captcha.IsAnsweredBy("hash").Should().BeTrue();
        captcha.IsAnsweredBy("other").Should().BeFalse();
        captcha.ExpireTime.Should().Be(Now.AddMinutes(2));
    }

    private static Account Citizen() => Account.RegisterCitizen(
        Username.Parse("citizen.one"), NationalId.Parse("1000000008"), "محمد", "Mohammed", MobileNumber.Parse("0500000001"), null, "hash", "2026.1", Now);

    private static OtpChallenge Challenge() =>
        OtpChallenge.ForRegistration(NationalId.Parse("1000000008"), MobileNumber.Parse("0500000001"), null, Now);
}
