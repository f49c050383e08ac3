using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Notifications;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence;
using Tahseen.Infrastructure.Sms;

namespace Tahseen.Grpc.Tests.Hardening;

public sealed class SmsDeliveryTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    [Fact]
    public async Task The_same_reference_sent_twice_is_one_message()
    {
        var reference = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();

        await sender.SendAsync(reference, "+966500000001", "Your code is 123456", CancellationToken.None);
        await sender.SendAsync(reference, "+966500000001", "Your code is 123456", CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        (await db.SandboxSmsMessages.CountAsync(m => m.Reference == reference)).Should().Be(1);
    }

    [Fact]
    public async Task A_message_the_gateway_took_before_a_crash_is_not_delivered_again_when_the_outbox_resends_it()
    {
        var now = factory.Clock.GetUtcNow();
        var outboxMessage = new SmsOutboxMessage("+966500000002", "Your ticket has an answer", SmsKind.Notification, now);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            db.SmsOutbox.Add(outboxMessage);
            // The gateway has it; the process died before the outbox recorded the send.
            db.SandboxSmsMessages.Add(new SandboxSmsMessage
            {
                Reference = outboxMessage.Id,
                MobileNumber = outboxMessage.MobileNumber,
                Body = outboxMessage.Body,
                CreateTime = now,
            });
            await db.SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<SmsOutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
            (await db.SandboxSmsMessages.CountAsync(m => m.Reference == outboxMessage.Id)).Should().Be(1);
            (await db.SmsOutbox.AsNoTracking().SingleAsync(m => m.Id == outboxMessage.Id)).SentTime.Should().NotBeNull();
        }
    }
}
