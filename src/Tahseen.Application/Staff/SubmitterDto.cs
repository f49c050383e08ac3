using Tahseen.Domain.Identity;

namespace Tahseen.Application.Staff;

/// <summary>
/// Who filed a ticket, as staff see them: masked by default (<see cref="PersonalDataMask"/>), whole
/// only through <see cref="RevealSubmitterCommand"/>, which is budgeted and audited.
/// </summary>
public sealed record SubmitterDto(string FullNameAr, string FullNameEn, string NationalId, string MobileNumber, string Email, bool Masked)
{
    public static SubmitterDto MaskedOf(Account account) => new(
        PersonalDataMask.Name(account.FullName),
        PersonalDataMask.Name(account.FullNameEn),
        PersonalDataMask.NationalId(account.NationalId),
        PersonalDataMask.Mobile(account.MobileNumber),
        PersonalDataMask.Email(account.Email),
        Masked: true);

    public static SubmitterDto WholeOf(Account account) => new(
        account.FullName,
        account.FullNameEn ?? string.Empty,
        account.NationalId ?? string.Empty,
        account.MobileNumber,
        account.Email ?? string.Empty,
        Masked: false);
}
