using Tahseen.Application.Common.Interfaces;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Infrastructure.Sms;

/// <summary>The sandbox's SMS gateway: messages land in a table a test harness reads, instead of on a phone.</summary>
public sealed class SandboxSmsSender(TahseenDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(string mobileNumber, string body, string reference, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.SandboxSmsMessages.Add(new SandboxSmsMessage
        {
            MobileNumber = mobileNumber,
            Body = body,
            CreateTime = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
