using Tahseen.Domain.Notifications;

namespace Tahseen.Domain.Tests.Notifications;

public sealed class SmsOutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sent_message_keeps_no_body()
    {
        var message = new SmsOutboxMessage("+966500000001", "Your code: 123456.", SmsKind.OneTimeCode, Now);

        message.MarkSent(Now);

        message.Body.Should().BeEmpty();
    }

    [Fact]
    public void A_failed_message_keeps_its_body_for_the_retry_and_drops_it_when_abandoned()
    {
        var message = new SmsOutboxMessage("+966500000001", "Your code: 123456.", SmsKind.OneTimeCode, Now);

        message.MarkFailed("gateway down", Now);
        message.Body.Should().Be("Your code: 123456.");

        for (var attempt = 1; attempt < SmsOutboxMessage.MaxAttempts; attempt++)
        {
            message.MarkFailed("gateway down", Now);
        }

        message.AbandonTime.Should().NotBeNull();
        message.Body.Should().BeEmpty();
    }
}
