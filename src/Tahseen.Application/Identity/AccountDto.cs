using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>How an account is shown: the status says LOCKED while a lockout runs.</summary>
public enum AccountStatusView
{
    Active = 1,
    Locked = 2,
    Disabled = 3,
}

public sealed record AccountDto(
    Guid AccountId,
    string Username,
    string FullName,
    string NationalIdMasked,
    PersonKind? PersonKind,
    AccountRoles Roles,
    AccountStatusView Status,
    DateTimeOffset CreateTime,
    string MaskedMobile)
{
    public static AccountDto From(Account account, DateTimeOffset now) => new(
        account.Id,
        account.Username,
        account.FullName,
        account.NationalId is null ? string.Empty : NationalId.Parse(account.NationalId).Masked,
        account.PersonKind,
        account.Roles,
        account.Status == AccountStatus.Disabled ? AccountStatusView.Disabled
            : account.IsLockedOut(now) ? AccountStatusView.Locked
            : AccountStatusView.Active,
        account.CreateTime,
        MobileNumber.Parse(account.MobileNumber).Masked);
}
