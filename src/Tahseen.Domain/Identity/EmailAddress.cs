using System.Diagnostics.CodeAnalysis;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>
/// A well-formed e-mail address. Deliberately stricter than RFC 5322 (no quoted local parts, no
/// IP literals): it only has to reach a person, and the domain is lower-cased because it is
/// case-insensitive while the local part, in principle, is not.
/// </summary>
public sealed record EmailAddress
{
    public const string DefaultField = "email";
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;
    private const string LocalPartSymbols = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, [NotNullWhen(true)] out EmailAddress? email)
    {
        email = null;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
            return false;

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || value.IndexOf('@', at + 1) >= 0)
            return false;

        var localPart = value[..at];
        var domain = value[(at + 1)..];
        if (!IsValidLocalPart(localPart) || !IsValidDomain(domain))
            return false;

        email = new EmailAddress($"{localPart}@{domain.ToLowerInvariant()}");
        return true;
    }

    public static EmailAddress Parse(string? input, string field = DefaultField) =>
        TryParse(input, out var email) ? email : throw TahseenException.ForField(field, ErrorReason.EmailInvalid);

    public override string ToString() => Value;

    private static bool IsValidLocalPart(string localPart) =>
        localPart.Length is > 0 and <= MaxLocalPartLength
        && localPart.Split('.').All(atom => atom.Length > 0 && atom.All(c => char.IsAsciiLetterOrDigit(c) || LocalPartSymbols.Contains(c, StringComparison.Ordinal)));

    private static bool IsValidDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(IsValidLabel);
    }

    private static bool IsValidLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-'
        && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
