using Tahseen.Domain.Common;

namespace Tahseen.Domain.Tickets;

/// <summary>
/// A public holiday of the civil service: one or more whole Riyadh days (the end inclusive) on which the
/// due-time clock does not count. The Eid dates follow the moon and are announced late, so admins edit
/// them; the seeded ones are estimates until an admin confirms them by saving.
/// </summary>
public sealed class Holiday
{
    public const int MaxNameLength = 100;

    /// <summary>The longest holiday accepted: no civil-service break is longer.</summary>
    public const int MaxDays = 31;

    private Holiday()
    {
    }

    public Holiday(Guid id, DateOnly startDate, DateOnly endDate, string nameAr, string nameEn, bool estimated, DateTimeOffset now)
    {
        Id = id;
        Update(startDate, endDate, nameAr, nameEn, now);
        Estimated = estimated;
    }

    public Guid Id { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>The last day off, inclusive.</summary>
    public DateOnly EndDate { get; private set; }

    public string NameAr { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Computed in advance from the Umm al-Qura calendar and not yet confirmed by an admin.</summary>
    public bool Estimated { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public IEnumerable<DateOnly> Days()
    {
        for (var day = StartDate; day <= EndDate; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>An admin's save: the dates and names as given, and no longer an estimate.</summary>
    public void Update(DateOnly startDate, DateOnly endDate, string nameAr, string nameEn, DateTimeOffset now)
    {
        if (endDate < startDate)
        {
            throw TahseenException.ForField("end_date", ErrorReason.FieldInvalid);
        }

        if (endDate.DayNumber - startDate.DayNumber + 1 > MaxDays)
        {
            throw TahseenException.ForField("end_date", ErrorReason.ValueOutOfRange);
        }

        StartDate = startDate;
        EndDate = endDate;
        NameAr = string.IsNullOrWhiteSpace(nameAr) ? throw TahseenException.ForField("name_ar", ErrorReason.FieldRequired) : nameAr;
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? throw TahseenException.ForField("name_en", ErrorReason.FieldRequired) : nameEn;
        Estimated = false;
        UpdateTime = now;
    }
}
