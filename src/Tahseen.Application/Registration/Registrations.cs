using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Registration;

internal static class Registrations
{
    /// <summary>A started registration that is neither finished nor expired, else REGISTRATION_NOT_FOUND.</summary>
    public static async Task<OtpChallenge> FindOpenAsync(IApplicationDbContext db, string registrationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(registrationId);
        var challenge = await db.OtpChallenges.FirstOrDefaultAsync(
            c => c.Id == id && c.Purpose == OtpPurpose.Registration, cancellationToken);
        return challenge is not null && challenge.IsOpen(now)
            ? challenge
            : throw new TahseenException(ErrorReason.RegistrationNotFound);
    }
}
