using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Calendar;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Persistence.Seeding;

namespace Tahseen.Infrastructure.Calendar;

/// <summary>
/// The official Saudi public holidays of 1447–1450 AH, estimated from the Umm al-Qura calendar and
/// marked as estimates until an admin confirms each (the Eid dates depend on the moon sighting). Seeded
/// once, into an empty table; then the calendar is loaded from the table.
/// </summary>
internal sealed class HolidaySeeder(HolidayCalendar calendar, TimeProvider clock) : IDataSeeder
{
    public const int FirstHijriYear = 1447;
    public const int LastHijriYear = 1450;

    private static readonly Guid Namespace = new("0b7f3c4e-0003-4a6e-9c1d-5a0000000000");

    public int Order => 1;

    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Holidays.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            var estimates = SaudiHolidays.Estimate(FirstHijriYear, LastHijriYear);
            db.Holidays.AddRange(estimates.Select((h, index) => new Holiday(
                SeedId(index), h.StartDate, h.EndDate, h.NameAr, h.NameEn, estimated: true, now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another replica seeded them first (fixed ids): theirs stand.
                db.ChangeTracker.Clear();
            }
        }

        await calendar.RefreshAsync(db, cancellationToken);
    }

    /// <summary>Fixed ids, so that replicas starting at once seed the same rows and one insert wins.</summary>
    private static Guid SeedId(int index)
    {
        var bytes = Namespace.ToByteArray();
        bytes[^1] = (byte)index;
        return new Guid(bytes);
    }
}
