using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Sandbox;

// The sandbox's four read-outs share one file: each is a few lines, and together they are the whole
// window a test harness has onto what a person would see on a phone or a screen.

public sealed record ListSandboxIdentitiesQuery : IRequest<IReadOnlyList<SandboxIdentity>>;

public sealed record ListSandboxAccountsQuery : IRequest<IReadOnlyList<SandboxAccount>>;

public sealed record ListSmsMessagesQuery(string MobileNumber, int PageSize) : IRequest<IReadOnlyList<SandboxSms>>;

public sealed record GetCaptchaAnswerQuery(string CaptchaId) : IRequest<string>;

public sealed class ListSmsMessagesQueryValidator : AbstractValidator<ListSmsMessagesQuery>
{
    public ListSmsMessagesQueryValidator()
    {
        RuleFor(q => q.MobileNumber).SaudiMobile().When(q => !string.IsNullOrWhiteSpace(q.MobileNumber));
        RuleFor(q => q.PageSize).InclusiveBetween(0, 1000).WithReason(ErrorReason.ValueOutOfRange, 0, 1000);
    }
}

public sealed class GetCaptchaAnswerQueryValidator : AbstractValidator<GetCaptchaAnswerQuery>
{
    public GetCaptchaAnswerQueryValidator() => RuleFor(q => q.CaptchaId).Identifier();
}

public sealed class SandboxQueryHandlers(IApplicationDbContext db, ISandbox sandbox, ISandboxDirectory directory)
    : IRequestHandler<ListSandboxIdentitiesQuery, IReadOnlyList<SandboxIdentity>>,
      IRequestHandler<ListSandboxAccountsQuery, IReadOnlyList<SandboxAccount>>,
      IRequestHandler<ListSmsMessagesQuery, IReadOnlyList<SandboxSms>>,
      IRequestHandler<GetCaptchaAnswerQuery, string>
{
    private const int DefaultSmsPageSize = 50;

    public async Task<IReadOnlyList<SandboxIdentity>> Handle(ListSandboxIdentitiesQuery request, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        var records = await directory.ListIdentitiesAsync(cancellationToken);
        var registered = (await db.Accounts.AsNoTracking()
                .Where(a => a.NationalId != null)
                .Select(a => a.NationalId!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return records.Select(r => new SandboxIdentity(r, registered.Contains(r.NationalId))).ToList();
    }

    public Task<IReadOnlyList<SandboxAccount>> Handle(ListSandboxAccountsQuery request, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        return Task.FromResult(directory.SeededAccounts);
    }

    public Task<IReadOnlyList<SandboxSms>> Handle(ListSmsMessagesQuery request, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        var mobile = string.IsNullOrWhiteSpace(request.MobileNumber) ? null : MobileNumber.Parse(request.MobileNumber).Value;
        return directory.ListSmsAsync(mobile, request.PageSize == 0 ? DefaultSmsPageSize : request.PageSize, cancellationToken);
    }

    public async Task<string> Handle(GetCaptchaAnswerQuery request, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        var id = Guid.Parse(request.CaptchaId);
        var answer = await db.Captchas.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => c.SandboxAnswer)
            .FirstOrDefaultAsync(cancellationToken);
        return answer ?? throw new TahseenException(ErrorReason.CaptchaNotFound);
    }

    private void EnsureEnabled()
    {
        if (!sandbox.Enabled)
        {
            throw new TahseenException(ErrorReason.Forbidden);
        }
    }
}
