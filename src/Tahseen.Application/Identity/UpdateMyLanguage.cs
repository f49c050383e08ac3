using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Identity;

/// <summary>The language the service writes to the caller in (canned replies from staff): Arabic or English.</summary>
[RequireRoles(RoleSets.People)]
public sealed record UpdateMyLanguageCommand(Language? PreferredLanguage) : IRequest<AccountDto>;

public sealed class UpdateMyLanguageCommandValidator : AbstractValidator<UpdateMyLanguageCommand>
{
    public UpdateMyLanguageCommandValidator() =>
        RuleFor(c => c.PreferredLanguage)
            .NotNull().WithReason(ErrorReason.FieldRequired)
            .IsInEnum().WithReason(ErrorReason.FieldInvalid);
}

public sealed class UpdateMyLanguageCommandHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<UpdateMyLanguageCommand, AccountDto>
{
    public async Task<AccountDto> Handle(UpdateMyLanguageCommand request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        account.ChangePreferredLanguage(request.PreferredLanguage!.Value, clock.GetUtcNow());
        return AccountDto.From(account);
    }
}
