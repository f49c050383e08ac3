namespace Tahseen.Application.Common.Interfaces;

/// <summary>
/// Personal data is encrypted at rest with a random nonce, so equal values never look equal in the
/// database. Lookups and uniqueness go through a keyed hash stored beside each value instead; this
/// port computes the hashes a stored value may carry (one per lookup key still in rotation).
/// </summary>
public interface IPersonalDataLookup
{
    /// <summary>A national ID or iqama number, canonical (10 ASCII digits).</summary>
    LookupKey NationalId(string nationalId);

    /// <summary>A mobile number in E.164.</summary>
    LookupKey MobileNumber(string mobileNumber);

    /// <summary>An e-mail address as stored (normalised).</summary>
    LookupKey Email(string email);
}

/// <summary>The hash column to match and the hashes that mean "this value".</summary>
public sealed record LookupKey(string Column, IReadOnlyCollection<string> Hashes);
