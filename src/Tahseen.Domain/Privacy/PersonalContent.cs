namespace Tahseen.Domain.Privacy;

/// <summary>What personal content is replaced with when it is destroyed (an erasure, the retention schedule).</summary>
public static class PersonalContent
{
    /// <summary>Stands in for redacted free text: a ticket's subject, description, messages, notes and reasons.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>Stands in for an erased person's name.</summary>
    public const string ErasedName = "[erased]";
}
