using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sms;

/// <summary>
/// The sandbox's SMS gateway: messages land in a table a test harness reads, instead of on a phone.
/// Like a real gateway with an idempotency key, it keeps each reference once (a unique index), so a
/// message resent after a crash is not a second message in the inbox.
/// </summary>
public sealed class SandboxSmsSender(TahseenDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(Guid reference, string mobileNumber, string body, CancellationToken cancellationToken)
    {
        if (await db.SandboxSmsMessages.AnyAsync(m => m.Reference == reference, cancellationToken))
        {
            return;
        }

        var message = new SandboxSmsMessage
        {
            Reference = reference,
            MobileNumber = mobileNumber,
            Body = body,
            CreateTime = clock.GetUtcNow(),
        };
        db.SandboxSmsMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            if (!await db.SandboxSmsMessages.AsNoTracking().AnyAsync(m => m.Reference == reference, cancellationToken))
            {
                throw;
            }

            // Another dispatcher delivered the same reference at the same moment: it is delivered once.
        }
    }
}
