using MediatR;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record CreateCaptchaCommand : IRequest<CaptchaDto>;

public sealed record CaptchaDto(Guid CaptchaId, byte[] ImagePng, DateTimeOffset ExpireTime);

public sealed class CreateCaptchaCommandHandler(
    IApplicationDbContext db, ICaptchaRenderer renderer, Captchas captchas, ISandbox sandbox, TimeProvider clock)
    : IRequestHandler<CreateCaptchaCommand, CaptchaDto>
{
    public Task<CaptchaDto> Handle(CreateCaptchaCommand request, CancellationToken cancellationToken)
    {
        var text = CaptchaText.Generate();
        var captcha = new Captcha(captchas.HashAnswer(text), sandbox.Enabled ? text : null, clock.GetUtcNow());
        var image = renderer.RenderPng(text);
        db.Captchas.Add(captcha);
        return Task.FromResult(new CaptchaDto(captcha.Id, image, captcha.ExpireTime));
    }
}
