using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Common.Privacy;

/// <summary>Names of the lookup-hash columns that sit beside encrypted values.</summary>
public static class LookupColumns
{
    public const string NationalIdHash = "NationalIdHash";
    public const string MobileNumberHash = "MobileNumberHash";
    public const string EmailHash = "EmailHash";
}

public static class PersonalDataQueries
{
    /// <summary>Rows whose lookup hash says they hold the value <paramref name="key"/> was made from.</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> source, LookupKey key)
        where T : class =>
        source.Where(e => key.Hashes.Contains(EF.Property<string>(e, key.Column)));
}
