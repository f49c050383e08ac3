using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>A person of the embedded sample registry, the stand-in for the civil registry's own system.</summary>
public sealed class RegistryPerson
{
    public required string NationalId { get; init; }

    public required string FullNameAr { get; init; }

    public required string FullNameEn { get; init; }

    /// <summary>E.164.</summary>
    public required string MobileNumber { get; init; }

    public required CivilStatus Status { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public CivilRecord ToRecord() => new(NationalId, FullNameAr, FullNameEn, MobileNumber, Status);
}
