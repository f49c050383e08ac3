using System.Text;
using Tahseen.Domain.Common;

namespace Tahseen.Domain.Identity;

/// <summary>
/// The password rules, in the order clients list them and violations are reported. Each rule owns
/// its check, so the published policy and the enforced one cannot drift apart.
/// </summary>
public sealed class PasswordPolicy
{
    public const string DefaultField = "password";
    public const int MinLength = 8;
    public const int MaxLength = 64;
    public const int RefusedRunLength = 4;

    // Shorter usernames would match by accident ("al" in "salman1990").
    private const int MinUsernameLengthToCompare = 3;
    private const string CommonPasswordsResource = "Tahseen.Domain.Identity.Resources.common-passwords.txt";

    private static readonly Lazy<PasswordPolicy> LazyDefault = new(() => new PasswordPolicy(LoadCommonPasswords()));

    private readonly HashSet<string> _commonPasswords;
    private readonly Rule[] _rules;

    /// <param name="commonPasswords">Passwords refused as too common, compared case-insensitively.</param>
    public PasswordPolicy(IEnumerable<string> commonPasswords)
    {
        ArgumentNullException.ThrowIfNull(commonPasswords);
        _commonPasswords = new HashSet<string>(commonPasswords, StringComparer.OrdinalIgnoreCase);
        _rules =
        [
            new(ErrorReason.PasswordTooShort,
                $"يجب ألا تقل كلمة المرور عن {MinLength} أحرف",
                $"The password must be at least {MinLength} characters long.",
                c => c.Password.Length < MinLength,
                MinLength),
            new(ErrorReason.PasswordTooLong,
                $"يجب ألا تزيد كلمة المرور على {MaxLength} حرفًا",
                $"The password must be at most {MaxLength} characters long.",
                c => c.Password.Length > MaxLength,
                MaxLength),
            new(ErrorReason.PasswordNeedsLowercase,
                "يجب أن تحتوي كلمة المرور على حرف إنجليزي صغير واحد على الأقل (a-z)",
                "The password must contain at least one lowercase English letter (a-z).",
                c => !c.Password.Any(char.IsAsciiLetterLower)),
            new(ErrorReason.PasswordNeedsDigit,
                "يجب أن تحتوي كلمة المرور على رقم واحد على الأقل (0-9)",
                "The password must contain at least one digit (0-9).",
                c => !c.Password.Any(char.IsAsciiDigit)),
            new(ErrorReason.PasswordHasSymbol,
                "يجب ألا تحتوي كلمة المرور على رموز أو علامات ترقيم أو مسافات",
                "The password must not contain symbols, punctuation marks or spaces.",
                c => c.Password.EnumerateRunes().Any(r => !Rune.IsLetterOrDigit(r))),
            new(ErrorReason.PasswordNotEnglish,
                "يجب أن تتكون كلمة المرور من حروف وأرقام إنجليزية فقط",
                "The password must use English letters and digits only.",
                c => c.Password.EnumerateRunes().Any(r => Rune.IsLetterOrDigit(r) && !r.IsAscii)),
            new(ErrorReason.PasswordRepeatedChars,
                $"يجب ألا تحتوي كلمة المرور على {RefusedRunLength} أحرف متطابقة متتالية أو أكثر، ولا فرق بين الأحرف الكبيرة والصغيرة",
                $"The password must not contain {RefusedRunLength} or more identical characters in a row, in any case.",
                c => HasRunOfIdenticalCharacters(c.Password, RefusedRunLength),
                RefusedRunLength),
            new(ErrorReason.PasswordTooCommon,
                "يجب ألا تكون كلمة المرور من كلمات المرور الشائعة التي يسهل تخمينها",
                "The password must not be one of the common passwords that are easy to guess.",
                c => _commonPasswords.Contains(c.Password)),
            new(ErrorReason.PasswordContainsIdentity,
                "يجب ألا تحتوي كلمة المرور على اسم المستخدم أو رقم الهوية",
                "The password must not contain the username or the identity number.",
                ContainsIdentity),
        ];
        Rules = Array.AsReadOnly(_rules.Select(r => new PasswordRule(r.Reason.Code, r.DescriptionAr, r.DescriptionEn)).ToArray());
    }

    /// <summary>The policy with the common-password list shipped in this assembly.</summary>
    public static PasswordPolicy Default => LazyDefault.Value;

    public IReadOnlyList<PasswordRule> Rules { get; }

    /// <summary>Every rule <paramref name="password"/> breaks, in policy order; empty when it is acceptable.</summary>
    public IReadOnlyList<FieldViolation> Check(string password, string? username, string? nationalId, string field = DefaultField)
    {
        ArgumentNullException.ThrowIfNull(password);
        var candidate = new Candidate(password, username?.Trim(), nationalId?.Trim());
        return _rules
            .Where(rule => rule.IsBrokenBy(candidate))
            .Select(rule => new FieldViolation(field, rule.Reason, rule.Arguments))
            .ToArray();
    }

    /// <exception cref="TahseenException">With one violation per broken rule.</exception>
    public void Enforce(string password, string? username, string? nationalId, string field = DefaultField)
    {
        var violations = Check(password, username, nationalId, field);
        if (violations.Count > 0)
            throw new TahseenException(violations);
    }

    private static bool HasRunOfIdenticalCharacters(string password, int runLength)
    {
        var run = 0;
        var previous = default(Rune);
        foreach (var rune in password.EnumerateRunes())
        {
            var current = Rune.ToLowerInvariant(rune);
            run = run > 0 && current == previous ? run + 1 : 1;
            if (run >= runLength)
                return true;
            previous = current;
        }

        return false;
    }

    private static bool ContainsIdentity(Candidate candidate) =>
        (candidate.Username is { Length: >= MinUsernameLengthToCompare } username
            && candidate.Password.Contains(username, StringComparison.OrdinalIgnoreCase))
        || (!string.IsNullOrEmpty(candidate.NationalId)
            && candidate.Password.Contains(candidate.NationalId, StringComparison.Ordinal));

    private static IEnumerable<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(CommonPasswordsResource)
            ?? throw new InvalidOperationException($"Embedded resource '{CommonPasswordsResource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
                yield return line.Trim();
        }
    }

    private readonly record struct Candidate(string Password, string? Username, string? NationalId);

    private sealed record Rule(
        ErrorReason Reason,
        string DescriptionAr,
        string DescriptionEn,
        Func<Candidate, bool> IsBrokenBy,
        params object[] Arguments);
}
