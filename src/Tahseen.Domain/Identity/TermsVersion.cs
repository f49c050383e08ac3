namespace Tahseen.Domain.Identity;

/// <summary>
/// A published version of the terms and conditions. Registration records which version a person
/// accepted, so a version is never edited once published: a change is a new version.
/// </summary>
public sealed class TermsVersion
{
    private readonly List<TermsClause> _clauses = [];

    private TermsVersion()
    {
        Version = string.Empty;
    }

    public TermsVersion(string version, DateTimeOffset publishTime, IEnumerable<TermsClause> clauses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        PublishTime = publishTime;
        _clauses.AddRange(clauses);
    }

    public string Version { get; private set; }

    public DateTimeOffset PublishTime { get; private set; }

    public IReadOnlyCollection<TermsClause> Clauses => _clauses;
}

/// <summary>One clause of the terms, in both languages, at its position.</summary>
public sealed record TermsClause(int Position, string TextAr, string TextEn);
