using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Tickets;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Tickets;

/// <summary>
/// Reference numbers from a counter row per year. One statement creates the year's row or increments
/// it and returns the new value; the database serialises concurrent increments of one row, so two
/// submissions never get the same number (a max()+1 over the tickets would). The statement is plain
/// SQL that SQLite (3.35+) and PostgreSQL both run.
/// </summary>
internal sealed class TicketNumberSequence(TahseenDbContext db) : ITicketNumbers
{
    public async Task<ReferenceNumber> NextAsync(int year, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO ticket_number_counters ("Year", "LastValue") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "LastValue" = ticket_number_counters."LastValue" + 1
            RETURNING "LastValue" AS "Value"
            """).ToListAsync(cancellationToken);
        return ReferenceNumber.Create(year, values.Single());
    }
}
