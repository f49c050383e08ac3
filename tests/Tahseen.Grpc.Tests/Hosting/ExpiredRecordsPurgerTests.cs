using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Maintenance;
using Tahseen.Infrastructure.Persistence;

namespace Tahseen.Grpc.Tests.Hosting;

public sealed class ExpiredRecordsPurgerTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private readonly Harness _harness = new(factory);

    [Fact]
    public async Task Expired_captchas_and_code_steps_are_removed_a_day_after_they_expire_and_not_before()
    {
        var captcha = await _harness.Identity.CreateCaptchaAsync(new CreateCaptchaRequest());
        var started = await _harness.StartRegistrationAsync(await _harness.UnusedIdentityAsync());
        var purger = factory.Services.GetRequiredService<ExpiredRecordsPurger>();

        factory.Clock.Advance(TimeSpan.FromHours(12));
        await purger.PurgeAsync(CancellationToken.None);
        (await CountAsync(Guid.Parse(started.RegistrationId))).Should().Be(1);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await purger.PurgeAsync(CancellationToken.None);

        (await CountAsync(Guid.Parse(started.RegistrationId))).Should().Be(0);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TahseenDbContext>();
        (await db.Captchas.AnyAsync(c => c.Id == Guid.Parse(captcha.CaptchaId))).Should().BeFalse();
    }

    private async Task<int> CountAsync(Guid challengeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TahseenDbContext>().OtpChallenges.CountAsync(c => c.Id == challengeId);
    }
}
