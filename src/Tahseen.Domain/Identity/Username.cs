using System.Diagnostics.CodeAnalysis;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>
/// 3 to 32 ASCII letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, starting with a letter: a username can
/// never look like a national ID, since Login accepts either.
/// Usernames are unique regardless of case, hence <see cref="Normalized"/>.
/// </summary>
public sealed record Username
{
    public const string DefaultField = "username";
    public const int MinLength = 3;
    public const int MaxLength = 32;

    private Username(string value)
    {
        Value = value;
        Normalized = value.ToLowerInvariant();
    }

    /// <summary>As the person typed it.</summary>
    public string Value { get; }

    /// <summary>The lower-case form that uniqueness and login compare.</summary>
    public string Normalized { get; }

    public static bool TryParse(string? input, [NotNullWhen(true)] out Username? username)
    {
        username = null;
        var value = input?.Trim();
        if (value is null || value.Length is < MinLength or > MaxLength || !char.IsAsciiLetter(value[0]))
            return false;
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            return false;

        username = new Username(value);
        return true;
    }

    public static Username Parse(string? input, string field = DefaultField) =>
        TryParse(input, out var username) ? username : throw TahseenException.ForField(field, ErrorReason.UsernameInvalid);

    public override string ToString() => Value;
}
