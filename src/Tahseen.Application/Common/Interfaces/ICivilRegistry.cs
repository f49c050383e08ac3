using Tahseen.Domain.Identity;

namespace Tahseen.Application.Common.Interfaces;

public enum CivilStatus
{
    Active = 1,
    IqamaExpired = 2,
    Deceased = 3,
}

/// <summary>What the civil registry says of one identity.</summary>
public sealed record CivilRecord(string NationalId, string FullNameAr, string FullNameEn, string MobileNumber, CivilStatus Status)
{
    public PersonKind Kind => Domain.Identity.NationalId.Parse(NationalId).Kind;

    /// <summary>An active citizen, or a resident whose iqama is valid.</summary>
    public bool IsEligible => Status == CivilStatus.Active;
}

/// <summary>The civil registry: another agency's system, reached through this port.</summary>
public interface ICivilRegistry
{
    Task<CivilRecord?> FindAsync(NationalId nationalId, CancellationToken cancellationToken);
}
