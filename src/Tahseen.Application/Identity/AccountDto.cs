using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

/// <summary>
/// How an account is shown. Sign-in throttling locks a login key, not an account (a stranger must not be
/// able to lock a person out), so no account is shown LOCKED; the value stays because the contract has it.
/// </summary>
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
    string MaskedMobile,
    Language PreferredLanguage)
{
    /// <summary>The categories a staff member works (auto-assignment, their default queue); empty for others.</summary>
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];

    public static AccountDto From(Account account) => new(
        account.Id,
        account.Username,
        account.FullName,
        account.NationalId is null ? string.Empty : NationalId.Parse(account.NationalId).Masked,
        account.PersonKind,
        account.Roles,
        account.Status == AccountStatus.Disabled ? AccountStatusView.Disabled : AccountStatusView.Active,
        account.CreateTime,
        // An erased account has no mobile left to mask.
        account.MobileNumber.Length == 0 ? string.Empty : MobileNumber.Parse(account.MobileNumber).Masked,
        account.PreferredLanguage);

    /// <summary>
    /// An account as an admin sees someone else's: a citizen's name is masked like every staff view of
    /// a citizen (the identifiers are masked for everyone); employees' names are shown.
    /// </summary>
    public static AccountDto ForStaff(Account account) =>
        account.IsStaff ? From(account) : From(account) with { FullName = PersonalDataMask.Name(account.FullName) };
}
