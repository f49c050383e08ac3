namespace Tahseen.Domain.Identity;

/// <summary>One rule of the password policy as clients show it; <paramref name="Code"/> is the reason reported when it is broken.</summary>
public sealed record PasswordRule(string Code, string DescriptionAr, string DescriptionEn);
